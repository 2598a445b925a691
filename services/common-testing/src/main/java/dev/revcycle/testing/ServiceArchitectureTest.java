package dev.revcycle.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A service's architecture test: extend it, name the service, and every rule of
 * {@link ArchitectureRules} is checked on the service's main classes, one test per rule.
 * <pre>{@code
 * class ArchitectureTest extends ServiceArchitectureTest {
 *     ArchitectureTest() { super("patients"); }
 * }
 * }</pre>
 */
public abstract class ServiceArchitectureTest {
    private final String service;

    protected ServiceArchitectureTest(String service) {
        this.service = service;
    }

    @TestFactory
    Stream<DynamicTest> keepsEveryRule() {
        JavaClasses classes = ArchitectureRules.importService(service);
        List<ArchRule> rules = ArchitectureRules.all(service);
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
