package dev.revcycle.eligibility.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.revcycle.eligibility.app.CheckView;
import dev.revcycle.eligibility.domain.CheckStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityCheck")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResponse(
        UUID id,
        UUID coverageId,
        UUID patientId,
        String practiceId,
        LocalDate serviceDate,
        @Schema(examples = "[\"30\"]") List<String> serviceTypeCodes,
        @Schema(description = "ACTIVE or INACTIVE as the payer says; ERROR when the payer rejected the inquiry or no readable answer came")
        CheckStatus status,
        @Schema(examples = "2026-01-01") LocalDate planBegin,
        @Schema(examples = "2026-12-31") LocalDate planEnd,
        BenefitsBody benefits,
        @Schema(description = "The payer's rejections (AAA); empty unless it rejected the inquiry") List<RejectionBody> rejections,
        @Schema(description = "For ERROR: what went wrong", examples = "clearinghouse timed out") String errorReason,
        Instant checkedAt) {

    static CheckResponse of(CheckView v) {
        return new CheckResponse(v.id(), v.coverageId(), v.patientId(), v.practiceId(), v.serviceDate(),
                v.serviceTypeCodes(), v.status(), v.planBegin(), v.planEnd(), BenefitsBody.of(v.benefits()),
                v.rejections().stream().map(RejectionBody::of).toList(), v.errorReason(), v.checkedAt());
    }
}
