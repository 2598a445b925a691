package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.ClaimDraft;
import dev.revcycle.claims.domain.ClaimType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /claims, and the shape a merge patch applies to. */
public record ClaimRequest(
        @Schema(required = true, example = "north-clinic") String practiceId,
        @Schema(required = true) UUID patientId,
        @Schema(description = "Absent = self-pay") UUID coverageId,
        @Schema(required = true) ClaimType type,
        @Schema(required = true) UUID billingProviderId,
        UUID renderingProviderId,
        UUID referringProviderId,
        @Schema(description = "Place of service code (professional), e.g. 11 office", example = "11") String placeOfService,
        @Schema(description = "Institutional: type of bill, e.g. 0111") String typeOfBill,
        @Schema(description = "Institutional") LocalDate admissionDate,
        @Schema(description = "Institutional") LocalDate dischargeDate,
        String priorAuthorization,
        @Schema(required = true, description = "ICD-10-CM codes, up to 12; the first is the principal diagnosis") List<String> diagnoses,
        @Schema(required = true, description = "1 to 50 lines") List<ClaimLineBody> lines) {

    ClaimDraft toDraft() {
        return new ClaimDraft(patientId, coverageId, type, billingProviderId, renderingProviderId, referringProviderId,
                placeOfService, typeOfBill, admissionDate, dischargeDate, priorAuthorization, diagnoses,
                lines == null ? null : lines.stream().map(l -> l == null ? null : l.toDraft()).toList());
    }

    static ClaimRequest of(String practiceId, ClaimDraft d) {
        return new ClaimRequest(practiceId, d.patientId(), d.coverageId(), d.type(), d.billingProviderId(),
                d.renderingProviderId(), d.referringProviderId(), d.placeOfService(), d.typeOfBill(), d.admissionDate(),
                d.dischargeDate(), d.priorAuthorization(), d.diagnoses(),
                d.lines().stream().map(ClaimLineBody::of).toList());
    }

    @Override
    public String toString() {
        return "ClaimRequest[PHI]";
    }
}
