package dev.revcycle.claims.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A claim as keyed by the billing representative (or imported), with its status. Immutable: a change
 * is a new Claim with a higher {@code version} (the ETag, and the {@code version} of its events).
 * {@code coverageId} absent = self-pay. {@code diagnoses} are ICD-10-CM codes as keyed (up to 12, the
 * first is the principal); {@code totalCharge} is the sum of the lines' charges.
 * {@code frequencyCode} is CLM05-3 (1 original, 7 replacement, 8 void).
 * {@code primaryClaimId}/{@code replacesClaimId}: a claim made from another (secondary, correction).
 * PHI-free toString: a claim is printed as its id only.
 */
public record Claim(UUID id, String practiceId, UUID patientId, UUID coverageId, ClaimType type, ClaimStatus status,
                    String patientControlNumber, UUID billingProviderId, UUID renderingProviderId,
                    UUID referringProviderId, String placeOfService, String typeOfBill, LocalDate admissionDate,
                    LocalDate dischargeDate, String priorAuthorization, List<String> diagnoses, List<ClaimLine> lines,
                    BigDecimal totalCharge, String frequencyCode, UUID primaryClaimId, UUID replacesClaimId,
                    long version) {
    public Claim {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public boolean selfPay() {
        return coverageId == null;
    }

    /** Secondary and replacement claims repeat another claim's services on purpose. */
    public boolean madeFromAnother() {
        return primaryClaimId != null || replacesClaimId != null;
    }

    /** The first and last date of service over the lines (the 837's DTP*434 / the form's "from–to"). */
    public LocalDate firstServiceDate() {
        return lines.stream().map(ClaimLine::serviceDate).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    public LocalDate lastServiceDate() {
        return lines.stream().map(ClaimLine::serviceDate).filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
    }

    @Override
    public String toString() {
        return "Claim[" + id + "]";
    }
}
