/**
 * Remittances (accepted claims → 835): adjudicating each claim by
 * {@link dev.revcycle.sandbox.rules.SandboxRules#REMITTANCE} ({@link Adjudicator}), keeping accepted claims until a
 * run pays them ({@link PendingClaims}, files in the data directory), writing one balanced 005010X221A1 835 per
 * submitter, payer and payee ({@link RemittanceWriter}) and releasing them on demand ({@link RemittanceRuns}).
 * Plain Java over revcycle-x12 and the mailbox.
 */
package dev.revcycle.sandbox.remittance;
