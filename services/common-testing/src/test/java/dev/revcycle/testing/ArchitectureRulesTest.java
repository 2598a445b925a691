package dev.revcycle.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.revcycle.archbad.api.ReachesTheStore;
import dev.revcycle.archbad.api.UsesAnotherService;
import dev.revcycle.archbad.api.ValidatedRequest;
import dev.revcycle.archbad.app.ThrowsProblems;
import dev.revcycle.archbad.domain.KnowsQuarkus;
import dev.revcycle.archbad.domain.MakesProblems;
import dev.revcycle.archbad.domain.PublishesToKafka;
import dev.revcycle.archbad.domain.ReturnsHttp;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule can fail: it refuses a class written to break it, and passes a service that keeps it. */
class ArchitectureRulesTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                broken("domainIsPlainJava", ArchitectureRules::domainIsPlainJava, ReturnsHttp.class),
                broken("domainIsPlainJava", ArchitectureRules::domainIsPlainJava, MakesProblems.class),
                broken("domainIsPlainJava", ArchitectureRules::domainIsPlainJava, PublishesToKafka.class),
                broken("domainIsPlainJava", ArchitectureRules::domainIsPlainJava, KnowsQuarkus.class),
                broken("applicationKnowsNoHttp", ArchitectureRules::applicationKnowsNoHttp, ThrowsProblems.class),
                broken("problemsAreMadeOnlyInCommon", ArchitectureRules::problemsAreMadeOnlyInCommon, ThrowsProblems.class),
                broken("problemsAreMadeOnlyInCommon", ArchitectureRules::problemsAreMadeOnlyInCommon, MakesProblems.class),
                broken("apiReachesTheStoreOnlyThroughUseCases", ArchitectureRules::apiReachesTheStoreOnlyThroughUseCases,
                        ReachesTheStore.class),
                broken("requestsAreCheckedOneWay", ArchitectureRules::requestsAreCheckedOneWay, ValidatedRequest.class),
                broken("dependsOnNoOtherService", ArchitectureRules::dependsOnNoOtherService, UsesAnotherService.class));
    }

    private static Arguments broken(String rule, Function<String, ArchRule> of, Class<?> violator) {
        return Arguments.of(rule, of, violator);
    }

    @ParameterizedTest(name = "{0} refuses {2}")
    @MethodSource("violations")
    void eachRuleFailsOnAClassThatBreaksIt(String rule, Function<String, ArchRule> of, Class<?> violator) {
        JavaClasses one = new ClassFileImporter().importClasses(violator);
        assertThatThrownBy(() -> of.apply("archbad").check(one))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator.getName());
    }

    @Test
    void aServiceThatKeepsTheRulesPassesThemAll() {
        JavaClasses good = new ClassFileImporter().importPackages("dev.revcycle.archgood");
        for (ArchRule rule : ArchitectureRules.all("archgood")) {
            assertThatCode(() -> rule.check(good)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    @Test
    void theSameRulesRefuseTheWholeBadService() {
        JavaClasses bad = new ClassFileImporter().importPackages("dev.revcycle.archbad");
        for (ArchRule rule : ArchitectureRules.all("archbad")) {
            assertThatThrownBy(() -> rule.check(bad)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }
}
