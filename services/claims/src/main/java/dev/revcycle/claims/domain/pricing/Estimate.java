package dev.revcycle.claims.domain.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An estimate as kept: whose, for which visit and coverage (null: self-pay), its lines and assumptions. */
public record Estimate(UUID id, String practiceId, UUID patientId, UUID coverageId, UUID payerId, UUID eligibilityCheckId,
                       LocalDate serviceDate, List<PatientResponsibility.Line> lines, List<String> assumptions,
                       Instant createdAt) {
    @Override
    public String toString() {
        return "Estimate[" + id + "]";
    }
}
