package dev.revcycle.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules every service keeps, for a service whose code lives in {@code dev.revcycle.<service>}
 * with the packages {@code domain}, {@code app}, {@code api}, {@code events} and {@code store}:
 * <ul>
 *   <li>the domain is plain Java: no HTTP, problem types, Kafka, Quarkus, CDI or Bean Validation
 *       (JPA mapping annotations are allowed: today's entities are the domain's own types);</li>
 *   <li>the application layer knows no HTTP and no problem types: it raises the domain's refusals;</li>
 *   <li>the API layer reaches the store only through a use case;</li>
 *   <li>a service never makes problems itself: one mapper in common does (from the domain's refusals);</li>
 *   <li>requests are checked one way, by the domain's and use cases' rules, not by Bean Validation;</li>
 *   <li>a service depends on no other service's code.</li>
 * </ul>
 * Each rule is shown to fail on a class written to break it (common-testing's own tests).
 */
public final class ArchitectureRules {
    public static final List<String> SERVICES = List.of("patients", "eligibility", "claims", "payments", "collections", "sandbox");

    private static final String[] PROBLEM_MAKERS = {
            "dev.revcycle.common.problem.ProblemException", "dev.revcycle.common.problem.ProblemType",
            "dev.revcycle.common.problem.ProblemMappers", "dev.revcycle.common.problem.DomainProblems"};

    private ArchitectureRules() {
    }

    public static JavaClasses importService(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.revcycle." + service);
    }

    /** Every rule below; a service's architecture test checks them all. */
    public static List<ArchRule> all(String service) {
        return List.of(domainIsPlainJava(service), applicationKnowsNoHttp(service), apiReachesTheStoreOnlyThroughUseCases(service),
                problemsAreMadeOnlyInCommon(service), requestsAreCheckedOneWay(service), dependsOnNoOtherService(service));
    }

    public static ArchRule domainIsPlainJava(String service) {
        String base = "dev.revcycle." + service;
        return noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.revcycle.common.problem..", "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                        "org.apache.kafka..", "io.smallrye.reactive.messaging..", "io.quarkus..", "io.smallrye..",
                        "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..", "jakarta.validation..",
                        "org.hibernate..", "org.eclipse.microprofile..",
                        base + ".api..", base + ".app..", base + ".events..", base + ".store..")
                .because("domain rules are plain Java, testable without starting Quarkus, and refuse with the domain's own errors")
                .allowEmptyShould(true);
    }

    public static ArchRule applicationKnowsNoHttp(String service) {
        String base = "dev.revcycle." + service;
        return noClasses().that().resideInAPackage(base + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.revcycle.common.problem..", "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                        base + ".api..")
                .because("use cases raise the domain's refusals; the edge turns them into HTTP answers")
                .allowEmptyShould(true);
    }

    public static ArchRule apiReachesTheStoreOnlyThroughUseCases(String service) {
        String base = "dev.revcycle." + service;
        return noClasses().that().resideInAPackage(base + ".api..")
                .should().dependOnClassesThat().resideInAPackage(base + ".store..")
                .because("a resource maps the request, calls a use case and picks the status; the use case owns the transaction")
                .allowEmptyShould(true);
    }

    public static ArchRule problemsAreMadeOnlyInCommon(String service) {
        return noClasses().that().resideInAPackage("dev.revcycle." + service + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName(PROBLEM_MAKERS[0])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(PROBLEM_MAKERS[1])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(PROBLEM_MAKERS[2])
                .orShould().dependOnClassesThat().haveFullyQualifiedName(PROBLEM_MAKERS[3])
                .because("a service refuses with dev.revcycle.common.domain's errors; one mapper in common makes every problem")
                .allowEmptyShould(true);
    }

    public static ArchRule requestsAreCheckedOneWay(String service) {
        return noClasses().that().resideInAPackage("dev.revcycle." + service + "..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.validation..")
                .because("requests are checked by the domain's violations() and the use cases, which list every field error")
                .allowEmptyShould(true);
    }

    /** A service talks to others only through events and contracts, never through their code. */
    public static ArchRule dependsOnNoOtherService(String service) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "dev.revcycle." + s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.revcycle." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only shared-contracts and revcycle-common")
                .allowEmptyShould(true);
    }
}
