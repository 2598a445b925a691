package dev.revcycle.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/** The rules every service keeps: a framework-free domain, and no service reaching into another. */
public final class ArchitectureRules {
    public static final List<String> SERVICES = List.of("patients", "eligibility", "claims", "payments", "collections", "sandbox");

    private ArchitectureRules() {
    }

    public static JavaClasses importService(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.revcycle." + service);
    }

    /** Domain code is plain Java: no Quarkus, REST, Kafka, messaging or CDI types. */
    public static void domainIsPlainJava(String service, JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.revcycle." + service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "org.jboss.resteasy..", "org.apache.kafka..",
                        "io.smallrye.reactive.messaging..", "jakarta.enterprise..", "jakarta.inject..",
                        "io.vertx..", "org.eclipse.microprofile..",
                        "dev.revcycle." + service + ".api..", "dev.revcycle." + service + ".app..",
                        "dev.revcycle." + service + ".events..", "dev.revcycle." + service + ".store..")
                .because("domain rules must be testable without starting Quarkus")
                .check(classes);
    }

    /** A service talks to others only through events and contracts, never through their code. */
    public static void dependsOnNoOtherService(String service, JavaClasses classes) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "dev.revcycle." + s + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.revcycle." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only shared-contracts and revcycle-common")
                .check(classes);
    }
}
