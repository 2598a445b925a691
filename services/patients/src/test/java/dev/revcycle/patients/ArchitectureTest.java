package dev.revcycle.patients;

import dev.revcycle.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("patients");
    }
}
