package dev.revcycle.claims.x12;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Made-up claims for the 837 tests: no real person. */
public final class SampleClaims {
    public static final String PRACTICE = "practice-x12";
    public static final Provider CLINIC = new Provider(UUID.randomUUID(), PRACTICE, "1234567893", "Bone & Joint Clinic",
            ProviderEntityType.ORGANIZATION, "207X00000X", "123456789",
            new PostalAddress("100 Main St", "Suite 2", "Springfield", "IL", "627011234"), true, 1);
    public static final Provider DOCTOR = new Provider(UUID.randomUUID(), PRACTICE, "1245319599", "Smith, Anna",
            ProviderEntityType.PERSON, "207X00000X", null, CLINIC.address(), false, 1);
    public static final Provider REFERRER = new Provider(UUID.randomUUID(), PRACTICE, "1003000126", "Jones, Bob",
            ProviderEntityType.PERSON, "207Q00000X", null, CLINIC.address(), false, 1);

    private SampleClaims() {
    }

    public static PatientFacts patient(String first, String last, LocalDate dob, String sex) {
        return new PatientFacts(UUID.randomUUID(), PRACTICE, "MRN-" + last, first, last, dob, sex,
                new PostalAddress("12 Elm St", null, "Springfield", "IL", "62701"), false, null, 1);
    }

    public static CoverageFacts selfCoverage(PatientFacts patient) {
        return new CoverageFacts(UUID.randomUUID(), patient.patientId(), PRACTICE, UUID.randomUUID(), "Sandbox Health",
                "COMMERCIAL", "SBX01", 365, "M12345", "GRP1", "Gold", "PRIMARY", "SELF", null, null, null,
                LocalDate.of(2025, 1, 1), null, false, 1);
    }

    public static CoverageFacts dependentCoverage(PatientFacts patient) {
        return new CoverageFacts(UUID.randomUUID(), patient.patientId(), PRACTICE, UUID.randomUUID(), "Medicaid of IL",
                "MEDICAID", "MCD77", 365, "D99887", null, "Kids Plan", "SECONDARY", "CHILD", "Maria", "Garcia",
                LocalDate.of(1985, 2, 3), LocalDate.of(2025, 1, 1), null, false, 1);
    }

    public static ClaimLine line(int n, String code, List<String> modifiers, String units, String charge, List<Integer> pointers,
                          String revenueCode, String ndc) {
        return new ClaimLine(UUID.randomUUID(), n, code, modifiers, new BigDecimal(units), new BigDecimal(charge),
                LocalDate.of(2026, 11, 20), pointers, revenueCode, ndc);
    }

    public static BillableClaim professional(PatientFacts patient, CoverageFacts coverage, String pcn, List<String> diagnoses,
                                      List<ClaimLine> lines, Provider rendering, Provider referring) {
        BigDecimal total = lines.stream().map(ClaimLine::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Claim claim = new Claim(UUID.randomUUID(), PRACTICE, patient.patientId(), coverage.coverageId(),
                ClaimType.PROFESSIONAL, ClaimStatus.READY, pcn, CLINIC.id(), rendering == null ? null : rendering.id(),
                referring == null ? null : referring.id(), "11", null, null, null, "AUTH-77", diagnoses, lines, total,
                "1", null, null, 3);
        return new BillableClaim(claim, patient, coverage, null, CLINIC, rendering, referring);
    }

    public static BillableClaim institutional(PatientFacts patient, CoverageFacts coverage, String pcn, List<String> diagnoses,
                                       List<ClaimLine> lines) {
        BigDecimal total = lines.stream().map(ClaimLine::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Claim claim = new Claim(UUID.randomUUID(), PRACTICE, patient.patientId(), coverage.coverageId(),
                ClaimType.INSTITUTIONAL, ClaimStatus.READY, pcn, CLINIC.id(), DOCTOR.id(), null, "21", "0111",
                LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), null, diagnoses, lines, total, "1", null,
                null, 2);
        return new BillableClaim(claim, patient, coverage, null, CLINIC, DOCTOR, null);
    }
}
