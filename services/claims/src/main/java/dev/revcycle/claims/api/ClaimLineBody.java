package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.ClaimDraft;
import dev.revcycle.claims.domain.ClaimLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service line as keyed. */
public record ClaimLineBody(
        @Schema(required = true, example = "99213") String procedureCode,
        @Schema(description = "Up to 4") List<String> modifiers,
        @Schema(required = true, example = "1") BigDecimal units,
        @Schema(description = "Dollars, at most two decimals. Left out: the standard charge of the practice's charge-master "
                + "item for the code (and first modifier) effective on the date of service, times the units; none is a 422 "
                + "no-charge-master-item", example = "150.00") BigDecimal chargeAmount,
        @Schema(required = true) LocalDate serviceDate,
        @Schema(required = true, description = "1 to 4 positions (from 1) in the claim's diagnoses") List<Integer> diagnosisPointers,
        @Schema(description = "Institutional claims (SV201)") String revenueCode,
        @Schema(description = "National Drug Code when a drug was given") String ndc) {

    ClaimDraft.LineDraft toDraft() {
        return new ClaimDraft.LineDraft(procedureCode, modifiers, units, chargeAmount, serviceDate, diagnosisPointers,
                revenueCode, ndc);
    }

    static ClaimLineBody of(ClaimDraft.LineDraft l) {
        return new ClaimLineBody(l.procedureCode(), l.modifiers(), l.units(), l.chargeAmount(), l.serviceDate(),
                l.diagnosisPointers(), l.revenueCode(), l.ndc());
    }

    static ClaimLineBody of(ClaimLine l) {
        return new ClaimLineBody(l.procedureCode(), l.modifiers(), l.units(), l.chargeAmount(), l.serviceDate(),
                l.diagnosisPointers(), l.revenueCode(), l.ndc());
    }
}
