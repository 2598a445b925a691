package dev.revcycle.eligibility.app;

import dev.revcycle.eligibility.domain.Payer;
import dev.revcycle.eligibility.domain.PayerType;
import java.time.Instant;
import java.util.UUID;

/** A payer as the use cases hand it out. */
public record PayerView(UUID id, String name, PayerType payerType, String x12PayerId, int timelyFilingDays,
                        Instant createdAt) {
    static PayerView of(Payer p) {
        return new PayerView(p.id(), p.name(), p.payerType(), p.x12PayerId(), p.timelyFilingDays(), p.createdAt());
    }
}
