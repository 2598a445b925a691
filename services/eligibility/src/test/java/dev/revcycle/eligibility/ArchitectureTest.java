package dev.revcycle.eligibility;

import dev.revcycle.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("eligibility");
    }
}
