package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ClaimView;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.ClaimType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ClaimResponse(UUID id, String practiceId, UUID patientId, UUID coverageId, UUID payerId, ClaimType type,
                            ClaimStatus status, String patientControlNumber, UUID billingProviderId,
                            UUID renderingProviderId, UUID referringProviderId, String placeOfService,
                            String typeOfBill, LocalDate admissionDate, LocalDate dischargeDate,
                            String priorAuthorization, List<String> diagnoses, List<Line> lines,
                            BigDecimal totalCharge, String frequencyCode, UUID primaryClaimId, UUID replacesClaimId,
                            long version, Instant statusChangedAt,
                            @Schema(description = "The payer's current answer (835); absent until the claim is adjudicated")
                            Adjudication adjudication) {

    /** The claim's current adjudication: net paid by the payer so far, the payer's claim control number, when. */
    public record Adjudication(BigDecimal paid, String payerClaimControlNumber, Instant adjudicatedAt) {
    }

    /** A line with its id and number (LX; what an 835's REF*6R refers to). */
    public record Line(UUID lineId, int lineNumber, String procedureCode, List<String> modifiers, BigDecimal units,
                       BigDecimal chargeAmount, LocalDate serviceDate, List<Integer> diagnosisPointers,
                       String revenueCode, String ndc) {
        static Line of(ClaimLine l) {
            return new Line(l.lineId(), l.lineNumber(), l.procedureCode(), l.modifiers(), l.units(), l.chargeAmount(),
                    l.serviceDate(), l.diagnosisPointers(), l.revenueCode(), l.ndc());
        }
    }

    static ClaimResponse of(ClaimView v) {
        Claim c = v.claim();
        return new ClaimResponse(c.id(), c.practiceId(), c.patientId(), c.coverageId(), v.payerId(), c.type(), c.status(),
                c.patientControlNumber(), c.billingProviderId(), c.renderingProviderId(), c.referringProviderId(),
                c.placeOfService(), c.typeOfBill(), c.admissionDate(), c.dischargeDate(), c.priorAuthorization(),
                c.diagnoses(), c.lines().stream().map(Line::of).toList(), c.totalCharge(), c.frequencyCode(),
                c.primaryClaimId(), c.replacesClaimId(), c.version(), v.statusChangedAt(),
                v.adjudication() == null ? null : new Adjudication(v.adjudication().paid(),
                        v.adjudication().payerClaimControlNumber(), v.adjudication().adjudicatedAt()));
    }

    @Override
    public String toString() {
        return "ClaimResponse[" + id + "]";
    }
}
