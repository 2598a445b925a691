package dev.revcycle.patients;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.revcycle.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.importService("patients");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("patients", CLASSES);
    }

    @Test
    void dependsOnNoOtherService() {
        ArchitectureRules.dependsOnNoOtherService("patients", CLASSES);
    }
}
