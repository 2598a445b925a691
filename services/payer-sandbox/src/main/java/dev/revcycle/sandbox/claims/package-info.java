/**
 * Claims (837 → 999 and 277CA): reading an 837P/837I, acknowledging its syntax in a 999, and answering each
 * claim of an accepted transaction by {@link dev.revcycle.sandbox.rules.SandboxRules#CLAIM_ACKNOWLEDGEMENT}
 * in a 005010X214 277CA. Plain Java over revcycle-x12.
 */
package dev.revcycle.sandbox.claims;
