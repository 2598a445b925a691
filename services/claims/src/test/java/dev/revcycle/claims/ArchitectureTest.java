package dev.revcycle.claims;

import dev.revcycle.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("claims");
    }
}
