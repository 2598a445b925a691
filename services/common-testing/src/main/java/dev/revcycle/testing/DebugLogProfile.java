package dev.revcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the service under test with every logger at DEBUG, written to a file of its own inside the
 * module's {@code target} folder, so that a test can look for PHI in everything the service logged:
 * {@code @TestProfile(DebugLogProfile.class)}, then {@link #read()} after the flows.
 */
public class DebugLogProfile implements QuarkusTestProfile {
    public static final Path FILE = Path.of("target", "debug-log", "service.log");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            // a fresh file per run: what an earlier run logged must not decide this one
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.log.level", "DEBUG",
                "quarkus.log.category.\"dev.revcycle\".level", "DEBUG",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", FILE.toString(),
                "quarkus.log.file.level", "DEBUG",
                // the test's own HTTP client (RestAssured) shares the JVM and logs what it sends at
                // DEBUG; it is not the service
                "quarkus.log.category.\"org.apache.http\".level", "INFO",
                // the console stays readable; the file gets everything
                "quarkus.log.console.level", "INFO");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    /**
     * Fails unless the service logged at DEBUG and none of {@code phi} (SSNs, dates of birth, member
     * ids, names the test used) appears anywhere in what it logged.
     */
    public static void assertLogCarriesNone(List<String> phi) {
        String log = read();
        assertThat(log).as("the service logged at DEBUG").contains("DEBUG");
        for (String value : phi) {
            assertThat(log).as("the log carries PHI").doesNotContain(value);
        }
    }

    /** Everything the service logged so far. */
    public static String read() {
        try {
            return Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
