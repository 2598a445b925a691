package dev.revcycle.eligibility.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.revcycle.eligibility.app.CoverageView;
import dev.revcycle.eligibility.domain.CoverageStatus;
import dev.revcycle.eligibility.domain.CoverageTerms;
import dev.revcycle.eligibility.domain.MedicareSecondaryType;
import dev.revcycle.eligibility.domain.Priority;
import dev.revcycle.eligibility.domain.SubscriberRelationship;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Coverage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoverageResponse(
        UUID id,
        String practiceId,
        UUID patientId,
        PayerResponse payer,
        String memberId,
        String groupNumber,
        String planName,
        Priority priority,
        SubscriberRelationship subscriberRelationship,
        SubscriberBody subscriber,
        LocalDate effectiveDate,
        LocalDate terminationDate,
        @Schema(description = "Why Medicare pays second (MSP type), when set")
        MedicareSecondaryType medicareSecondaryType,
        @Schema(description = "ACTIVE until terminated; a terminated coverage no longer changes and is not checked")
        CoverageStatus status,
        @Schema(description = "Changes with every update; send it back in If-Match to avoid overwriting someone else's change")
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static CoverageResponse of(CoverageView v) {
        CoverageTerms t = v.terms();
        return new CoverageResponse(v.id(), v.practiceId(), v.patientId(), PayerResponse.of(v.payer()), t.memberId(),
                t.groupNumber(), t.planName(), t.priority(), t.subscriberRelationship(),
                SubscriberBody.of(t.subscriber()), t.effectiveDate(), t.terminationDate(), t.medicareSecondaryType(), v.status(), v.version(),
                v.createdAt(), v.updatedAt());
    }

    @Override
    public String toString() {
        return "CoverageResponse[" + id + "]";
    }
}
