package dev.revcycle.eligibility.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.eligibility.x12.EligibilityRequest;
import dev.revcycle.eligibility.x12.EligibilityRequest270Writer;
import dev.revcycle.eligibility.x12.InformationReceiver;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 270 writer the running service uses, as the test profile configures it. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class X12SetupTest {
    @Inject
    EligibilityRequest270Writer writer;

    @Test
    void testsSendTestInterchanges() throws Exception {
        String x270 = writer.write(7, new EligibilityRequest("T1", "SANDBOX HEALTH", "SBX01",
                InformationReceiver.organization("REVCYCLE CLINIC", "1234567893"), "DOE", "JANE", "M1", LocalDate.of(1980, 1, 1), LocalDate.of(2026, 3, 5), List.of("30")));

        Interchange interchange = X12Reader.strict().read(x270);
        assertThat(interchange.usage()).isEqualTo(UsageIndicator.TEST);
        assertThat(x270.substring(0, 106).split("\\*")[15]).isEqualTo("T");
    }
}
