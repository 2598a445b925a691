package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.domain.CoverageTerms;
import dev.revcycle.eligibility.domain.MedicareSecondaryType;
import dev.revcycle.eligibility.domain.Priority;
import dev.revcycle.eligibility.domain.SubscriberRelationship;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CoverageRegistration", description = "A patient's insurance, as on the card")
public record CoverageRequest(
        @Schema(description = "The patient's practice; one of the token's practices", examples = "north-clinic", required = true)
        String practiceId,
        @Schema(description = "A patient registered with the patients service", required = true) UUID patientId,
        @Schema(description = "From GET /payers", required = true) UUID payerId,
        @Schema(description = "Letters, digits and dashes", examples = "XJH123456701", required = true) String memberId,
        @Schema(examples = "GRP-4400") String groupNumber,
        @Schema(examples = "Sandbox PPO") String planName,
        @Schema(description = "At most one active coverage per priority", required = true) Priority priority,
        @Schema(description = "The patient's relationship to the subscriber", required = true)
        SubscriberRelationship subscriberRelationship,
        @Schema(description = "Required unless subscriberRelationship is SELF; left out when SELF") SubscriberBody subscriber,
        @Schema(examples = "2026-01-01", required = true) LocalDate effectiveDate,
        @Schema(description = "The last covered day, when known", examples = "2026-12-31") LocalDate terminationDate,
        @Schema(description = "Why Medicare pays second (the MSP type, the 837P's SBR05: WORKING_AGED 12, "
                + "END_STAGE_RENAL_DISEASE 13, NO_FAULT 14, WORKERS_COMPENSATION 15, FEDERAL_AGENCY 16, BLACK_LUNG 41, "
                + "VETERANS_AFFAIRS 42, DISABLED_LARGE_GROUP 43, OTHER_LIABILITY 47); only on a Medicare coverage that is "
                + "not PRIMARY. Left out, claims derives it from the earlier payers' kinds")
        MedicareSecondaryType medicareSecondaryType) {

    CoverageTerms toTerms() {
        return new CoverageTerms(payerId, memberId, groupNumber, planName, priority, subscriberRelationship,
                subscriber == null ? null : subscriber.toDomain(), effectiveDate, terminationDate, medicareSecondaryType);
    }

    /** The current terms in request form, for a merge patch to apply to. */
    static CoverageRequest of(CoverageTerms t) {
        return new CoverageRequest(null, null, t.payerId(), t.memberId(), t.groupNumber(), t.planName(), t.priority(),
                t.subscriberRelationship(), SubscriberBody.of(t.subscriber()), t.effectiveDate(), t.terminationDate(),
                t.medicareSecondaryType());
    }

    @Override
    public String toString() {
        return "CoverageRequest[PHI]";
    }
}
