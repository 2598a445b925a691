package dev.revcycle.claims.scrub;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.EligibilityFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A clean professional claim (no findings), with setters to break one thing at a time. */
final class CleanClaim {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    UUID claimId = UUID.randomUUID();
    UUID patientId = UUID.randomUUID();
    UUID coverageId = UUID.randomUUID();
    ClaimType type = ClaimType.PROFESSIONAL;
    String placeOfService = "11";
    String typeOfBill;
    LocalDate admissionDate;
    List<String> diagnoses = new ArrayList<>(List.of("E11.9", "I10"));
    List<ClaimLine> lines = new ArrayList<>(List.of(line("99213", List.of("25"), "1", "125.00", DOS, List.of(1, 2), null)));
    UUID primaryClaimId;
    UUID replacesClaimId;
    LocalDate patientDob = LocalDate.of(1960, 5, 1);
    boolean selfPay;
    boolean coverageKnown = true;
    String memberId = "W123456789";
    String x12PayerId = "SANDBOX1";
    Integer timelyFilingDays = 365;
    String relationship = "SELF";
    String subscriberFirst;
    String subscriberLast;
    LocalDate subscriberDob;
    LocalDate effective = LocalDate.of(2025, 1, 1);
    LocalDate termination;
    String eligibilityStatus = "ACTIVE";
    ProviderEntityType billingEntity = ProviderEntityType.ORGANIZATION;
    String billingTaxId = "123456789";
    String billingNpi = "1234567893";
    String billingZip = "100011234";
    boolean billingKnown = true;
    String renderingNpi;

    static ClaimLine line(String code, List<String> modifiers, String units, String charge, LocalDate date, List<Integer> pointers,
                          String revenueCode) {
        return new ClaimLine(UUID.randomUUID(), 1, code, modifiers, units == null ? null : new BigDecimal(units),
                charge == null ? null : new BigDecimal(charge), date, pointers, revenueCode, null);
    }

    CleanClaim institutional(String tob) {
        type = ClaimType.INSTITUTIONAL;
        typeOfBill = tob;
        placeOfService = null;
        lines = new ArrayList<>(List.of(line("99283", List.of(), "1", "480.00", DOS, List.of(1), "0450")));
        return this;
    }

    CleanClaim firstLine(ClaimLine line) {
        lines.set(0, line);
        return this;
    }

    BillableClaim build() {
        Claim claim = new Claim(claimId, "p1", patientId, selfPay ? null : coverageId, type, ClaimStatus.DRAFT, "PCN1",
                UUID.randomUUID(), null, null, placeOfService, typeOfBill, admissionDate, null, null, diagnoses, lines,
                lines.stream().map(ClaimLine::chargeAmount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add), "1",
                primaryClaimId, replacesClaimId, 1);
        PatientFacts patient = new PatientFacts(patientId, "p1", "MRN1", "Ann", "Smith", patientDob, "F",
                new PostalAddress("1 Main St", null, "Springfield", "IL", "62701"), false, null, 1);
        CoverageFacts coverage = selfPay || !coverageKnown ? null : new CoverageFacts(coverageId, patientId, "p1", UUID.randomUUID(),
                "Sandbox Health", "COMMERCIAL", x12PayerId, timelyFilingDays, memberId, "G1", "PPO", "PRIMARY", relationship,
                subscriberFirst, subscriberLast, subscriberDob, effective, termination, false, 1);
        EligibilityFacts eligibility = coverage == null || eligibilityStatus == null ? null
                : new EligibilityFacts(UUID.randomUUID(), coverageId, DOS, eligibilityStatus, effective, null);
        Provider billing = billingKnown ? new Provider(UUID.randomUUID(), "p1", billingNpi, "Springfield Clinic", billingEntity,
                "207Q00000X", billingTaxId, new PostalAddress("2 Clinic Rd", null, "Springfield", "IL", billingZip), true, 1) : null;
        Provider rendering = renderingNpi == null ? null : new Provider(UUID.randomUUID(), "p1", renderingNpi, "Jones, Amy",
                ProviderEntityType.PERSON, "207Q00000X", null, null, false, 1);
        return new BillableClaim(claim, patient, coverage, eligibility, billing, rendering, null);
    }
}
