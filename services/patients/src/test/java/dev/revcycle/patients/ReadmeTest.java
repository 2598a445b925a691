package dev.revcycle.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README states the settings the service really has. */
class ReadmeTest {

    @Test
    void theConnectionPoolSizeIsTheConfiguredOne() throws Exception {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String readme = Files.readString(Path.of("README.md"));

        String configured = find("(?m)^quarkus\\.datasource\\.jdbc\\.max-size=(\\d+)$", properties);
        assertThat(find("\\| `quarkus\\.datasource\\.jdbc\\.max-size` \\| (\\d+) \\|", readme)).isEqualTo(configured);
        Matcher told = Pattern.compile("pool has (\\d+) connections").matcher(readme);
        while (told.find()) {
            assertThat(told.group(1)).as("\"pool has N connections\" in the README").isEqualTo(configured);
        }
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
