/**
 * Eligibility (270 → 271): reading an inquiry, applying {@link dev.revcycle.sandbox.rules.SandboxRules#ELIGIBILITY}
 * to each subscriber, and writing the 005010X279A1 response. Plain Java over revcycle-x12.
 */
package dev.revcycle.sandbox.eligibility;
