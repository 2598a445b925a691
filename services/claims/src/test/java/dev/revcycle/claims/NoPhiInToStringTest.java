package dev.revcycle.claims;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimDraft;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.testing.PhiAssertions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records that hold PHI print none of it (logs, exception messages). */
class NoPhiInToStringTest {
    private static final List<String> PHI = List.of("Zzlopez", "1984-03-09", "12 Main St", "XJH123456701", "MRN77",
            "E11.9", "99213");

    @Test
    void noRecordPrintsPhi() {
        PostalAddress address = new PostalAddress("12 Main St", null, "Springfield", "IL", "62704");
        PatientFacts patient = new PatientFacts(UUID.randomUUID(), "p", "MRN77", "Ana", "Zzlopez",
                LocalDate.of(1984, 3, 9), "F", address, false, null, 1);
        CoverageFacts coverage = new CoverageFacts(UUID.randomUUID(), patient.patientId(), "p", UUID.randomUUID(), "Payer",
                "COMMERCIAL", "SBX", 365, "XJH123456701", null, null, "PRIMARY", "SELF", null, "Zzlopez",
                LocalDate.of(1984, 3, 9), LocalDate.of(2026, 1, 1), null, false, 1);
        ClaimLine line = new ClaimLine(UUID.randomUUID(), 1, "99213", List.of(), BigDecimal.ONE, new BigDecimal("150.00"),
                LocalDate.of(2026, 11, 2), List.of(1), null, null);
        Claim claim = new Claim(UUID.randomUUID(), "p", patient.patientId(), coverage.coverageId(), ClaimType.PROFESSIONAL,
                ClaimStatus.DRAFT, "RC0000000001", UUID.randomUUID(), null, null, "11", null, null, null, null,
                List.of("E11.9"), List.of(line), new BigDecimal("150.00"), "1", null, null, 1);
        for (Object o : List.of(address, patient, coverage, claim, new BillableClaim(claim, patient, coverage, null,
                null, null, null), new ClaimDraft(patient.patientId(), null, ClaimType.PROFESSIONAL, null, null, null, null,
                null, null, null, null, List.of("E11.9"), List.of()))) {
            PhiAssertions.assertPrintsNone(o, PHI);
        }
    }
}
