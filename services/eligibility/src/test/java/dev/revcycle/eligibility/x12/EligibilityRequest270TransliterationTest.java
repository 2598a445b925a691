package dev.revcycle.eligibility.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.UsageIndicator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A patient's name is kept as given; the 270 carries it in the X12 character set. */
class EligibilityRequest270TransliterationTest {
    private final EligibilityRequest270Writer writer = new EligibilityRequest270Writer(
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
            "REVCYCLE", "PAYERSANDBOX", "9REVCYCLE1",
            Clock.fixed(Instant.parse("2026-03-05T14:07:00Z"), ZoneOffset.UTC));

    @Test
    void josé_MüllerIsWrittenAsJose_Muller() {
        String x270 = writer.write(7, new EligibilityRequest("EC-20260305-0007", "SANDBOX HEALTH", "SBX01",
                InformationReceiver.organization("BONE AND JOINT CLINIC", "1234567893"), "Müller-Łukasiewicz", "José", "M12345",
                LocalDate.of(1980, 1, 1), LocalDate.of(2026, 3, 5), List.of("30")));

        assertThat(x270).contains("NM1*IL*1*Muller-Lukasiewicz*Jose****MI*M12345~");
        assertThat(x270.chars().allMatch(c -> c < 128)).as("nothing outside ASCII").isTrue();
    }
}
