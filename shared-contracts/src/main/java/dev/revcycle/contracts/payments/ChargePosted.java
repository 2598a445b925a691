package dev.revcycle.contracts.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A CHARGE entry (one claim line). Key: accountId; {@code version} is the account's after the posting. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargePosted(UUID entryId, UUID accountId, UUID patientId, String practiceId, UUID claimId,
                           UUID claimLineId, BigDecimal amount, /** INSURANCE or PATIENT */ String responsibility,
                           LocalDate effectiveDate, Instant postedAt, long version) {
}
