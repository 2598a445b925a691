package dev.revcycle.eligibility;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.revcycle.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.importService("eligibility");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("eligibility", CLASSES);
    }

    @Test
    void dependsOnNoOtherService() {
        ArchitectureRules.dependsOnNoOtherService("eligibility", CLASSES);
    }
}
