/**
 * The sandbox's rule tables: which input gives which answer. Plain Java, no Quarkus and no HTTP types
 * (ArchitectureTest keeps it so), so every rule can be unit-tested and read in one place.
 */
package dev.revcycle.sandbox.rules;
