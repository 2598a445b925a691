package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.domain.PayerDetails;
import dev.revcycle.eligibility.domain.PayerType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PayerRegistration", description = "A payer to add to the list every practice shares")
public record PayerRequest(
        @Schema(description = "As it appears on cards and remittances; sent in the 270 (NM1*PR)", examples = "Sandbox Health", required = true)
        String name,
        @Schema(required = true) PayerType payerType,
        @Schema(description = "The clearinghouse's payer id (NM109 of NM1*PR); unique", examples = "SBX01", required = true)
        String x12PayerId,
        @Schema(description = "Days after the service date within which the payer accepts a claim", examples = "365", required = true)
        Integer timelyFilingDays) {

    PayerDetails toDomain() {
        return new PayerDetails(name, payerType, x12PayerId, timelyFilingDays);
    }
}
