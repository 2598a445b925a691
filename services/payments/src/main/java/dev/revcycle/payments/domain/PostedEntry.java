package dev.revcycle.payments.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ledger entry as posted (never changed afterwards). {@code insuranceDelta}/{@code patientDelta} are its
 * signed effects on the two balances; {@code kind} refines the type (CONTRACTUAL, BAD_DEBT, RECOVERY …).
 */
public record PostedEntry(UUID id, UUID accountId, String practiceId, EntryType type, BigDecimal amount,
                          Responsibility responsibility, BigDecimal insuranceDelta, BigDecimal patientDelta,
                          UUID claimId, UUID claimLineId, ReasonCode reason, String kind, EntrySource source,
                          String sourceReference, UUID paymentId, String method, UUID partnerId,
                          LocalDate effectiveDate, Instant postedAt, String actor, UUID reversalOf) {

    public BigDecimal delta() {
        return insuranceDelta.add(patientDelta);
    }
}
