package dev.revcycle.payments;

import dev.revcycle.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("payments");
    }
}
