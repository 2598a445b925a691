package dev.revcycle.claims.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writing one 837 batch of 5,000 claims (target < 2 s). A benchmark, not a timed test: it runs only with
 * {@code -Dbenchmark=true} and prints its figures (README "Submission and acknowledgements").
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class Claim837WriterBenchmark {

    @Test
    void writeBatchesOf5000Claims() throws Exception {
        Claim837Writer writer = new Claim837Writer(new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX",
                UsageIndicator.TEST), new Claim837Writer.Parties("Revcycle", "REVCYCLE", "Billing", "5555550100",
                "Payer Sandbox", "PAYERSANDBOX"), Clock.systemUTC());
        List<BillableClaim> claims = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            PatientFacts patient = SampleClaims.patient("First" + i, "Last" + i, LocalDate.of(1970 + i % 40, 1 + i % 12, 1 + i % 28), i % 2 == 0 ? "F" : "M");
            claims.add(i % 5 == 4
                    ? SampleClaims.institutional(patient, SampleClaims.selfCoverage(patient), "PCN" + i, List.of("S72.001A", "I10"),
                            List.of(SampleClaims.line(1, "27236", List.of("RT"), "1", "5000.00", List.of(1), "0360", null),
                                    SampleClaims.line(2, "85025", List.of(), "3", "45.00", List.of(1), "0300", null)))
                    : SampleClaims.professional(patient, i % 3 == 0 ? SampleClaims.dependentCoverage(patient)
                                    : SampleClaims.selfCoverage(patient), "PCN" + i, List.of("E11.9", "I10"),
                            List.of(SampleClaims.line(1, "99213", List.of("25"), "1", "150.00", List.of(1, 2), null, null),
                                    SampleClaims.line(2, "J1100", List.of(), "2", "40.50", List.of(1), null, "00009004701"),
                                    SampleClaims.line(3, "36415", List.of(), "1", "12.00", List.of(1), null, null)),
                            SampleClaims.DOCTOR, null));
        }
        AtomicLong sequence = new AtomicLong();
        long best = Long.MAX_VALUE;
        int length = 0;
        for (int run = 0; run < 8; run++) {
            long start = System.nanoTime();
            String x12 = writer.write(sequence::incrementAndGet, claims).x12();
            long took = System.nanoTime() - start;
            best = Math.min(best, took);
            length = x12.length();
            System.out.printf("837 batch of %d claims: %d ms (%d KB)%n", claims.size(), took / 1_000_000, length / 1024);
        }
        System.out.printf("best of 8: %d ms%n", best / 1_000_000);
        assertThat(X12Reader.strict().read(writer.write(sequence::incrementAndGet, claims).x12()).warnings()).isEmpty();
        assertThat(length).isPositive();
    }
}
