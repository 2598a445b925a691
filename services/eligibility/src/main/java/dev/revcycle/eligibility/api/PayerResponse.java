package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.app.PayerView;
import dev.revcycle.eligibility.domain.PayerType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Payer")
public record PayerResponse(UUID id, @Schema(examples = "Sandbox Health") String name, PayerType payerType,
                            @Schema(examples = "SBX01") String x12PayerId,
                            @Schema(examples = "365") int timelyFilingDays, Instant createdAt) {
    static PayerResponse of(PayerView v) {
        return new PayerResponse(v.id(), v.name(), v.payerType(), v.x12PayerId(), v.timelyFilingDays(), v.createdAt());
    }
}
