package dev.revcycle.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules and the transactions' domain code stay plain Java: only the api package knows Quarkus and HTTP. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.revcycle.sandbox");

    @Test
    void domainIsFreeOfQuarkusRestAndCdi() {
        noClasses().that().resideOutsideOfPackage("dev.revcycle.sandbox.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta.ws.rs..", "jakarta.enterprise..",
                        "jakarta.inject..", "org.jboss.resteasy..", "org.eclipse.microprofile..")
                .check(CLASSES);
    }

    @Test
    void rulesDependOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("dev.revcycle.sandbox.rules..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.revcycle.sandbox.rules..", "java..")
                .check(CLASSES);
    }

    @Test
    void nothingOutsideTheApiDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("dev.revcycle.sandbox.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.revcycle.sandbox.api..")
                .check(CLASSES);
    }
}
