package dev.revcycle.eligibility.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.revcycle.eligibility.domain.Benefits;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Benefits", description = "What the patient pays, as the payer stated it; a field is left out when not stated")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenefitsBody(
        @Schema(description = "Office visit copay", examples = "25.00") BigDecimal copay,
        @Schema(description = "Percent, 20.00 = 20 %", examples = "20.00") BigDecimal coinsurancePercent,
        @Schema(description = "Deductible for the year", examples = "1500.00") BigDecimal deductible,
        @Schema(examples = "500.00") BigDecimal deductibleRemaining,
        @Schema(description = "Out-of-pocket maximum for the year", examples = "6000.00") BigDecimal outOfPocket,
        @Schema(examples = "4500.00") BigDecimal outOfPocketRemaining) {

    static BenefitsBody of(Benefits b) {
        return b == null ? null : new BenefitsBody(b.copay(), b.coinsurancePercent(), b.deductible(),
                b.deductibleRemaining(), b.outOfPocket(), b.outOfPocketRemaining());
    }
}
