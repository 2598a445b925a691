package dev.revcycle.collections;

import dev.revcycle.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {
    ArchitectureTest() {
        super("collections");
    }
}
