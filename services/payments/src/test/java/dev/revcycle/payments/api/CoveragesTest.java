package dev.revcycle.payments.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.contracts.eligibility.CoverageTerminated;
import dev.revcycle.payments.app.Coverages;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The next-payer rule from eligibility's coverages. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class CoveragesTest {
    @Inject
    Coverages coverages;

    static void coverage(UUID id, UUID patient, String practice, String payer, String priority, LocalDate from) {
        CoverageDetails d = new CoverageDetails(id, patient, practice, new CoveragePayer(UUID.randomUUID(), "Payer " + payer,
                "COMMERCIAL", payer, 90), "M1", null, null, priority, "SELF", null, from, null);
        Topics2.send(Topics.ELIGIBILITY, patient.toString(), Topics2.event(EventTypes.COVERAGE_ADDED, patient,
                new CoverageAdded(d, 1)));
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Topics2.sleep();
        }
    }

    @Test
    void aSecondaryFollowsThePrimaryWhileItIsActive() {
        String practice = dev.revcycle.testing.ServiceRequests.practice();
        UUID patient = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 10, 5);
        UUID primary = UUID.randomUUID();
        UUID secondary = UUID.randomUUID();
        coverage(primary, patient, practice, "ACME1", "PRIMARY", LocalDate.of(2026, 1, 1));
        assertThat(coverages.hasLowerPriorityActiveCoverage(patient, practice, "PRIMARY", day)).isFalse();
        coverage(secondary, patient, practice, "BETA2", "SECONDARY", LocalDate.of(2026, 1, 1));
        await(() -> coverages.hasLowerPriorityActiveCoverage(patient, practice, "PRIMARY", day));
        assertThat(coverages.hasLowerPriorityActiveCoverage(patient, practice, "ACME1", day)).isTrue();
        assertThat(coverages.hasLowerPriorityActiveCoverage(patient, practice, "BETA2", day)).isFalse();
        assertThat(coverages.hasLowerPriorityActiveCoverage(patient, practice, "PRIMARY", LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(coverages.hasLowerPriorityActiveCoverage(patient, "other", "PRIMARY", day)).isFalse();
        Topics2.send(Topics.ELIGIBILITY, patient.toString(), Topics2.event(EventTypes.COVERAGE_TERMINATED, patient,
                new CoverageTerminated(secondary, patient, practice, LocalDate.of(2026, 9, 30), 2)));
        await(() -> !coverages.hasLowerPriorityActiveCoverage(patient, practice, "PRIMARY", day));
        assertThat(coverages.hasLowerPriorityActiveCoverage(patient, practice, "PRIMARY", LocalDate.of(2026, 9, 1))).isTrue();
    }
}
