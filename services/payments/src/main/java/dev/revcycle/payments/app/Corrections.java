package dev.revcycle.payments.app;

import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.Effects;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.domain.ReasonCode;
import dev.revcycle.payments.domain.Responsibility;
import dev.revcycle.payments.store.ClaimStore;
import dev.revcycle.payments.store.PaymentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Refunds out of a credit balance and manual adjustments (role poster), both MANUAL postings. */
@ApplicationScoped
public class Corrections {
    public static final Reason ABOVE_CREDIT = new Reason("refund-above-credit", "The refund exceeds the credit balance");
    static final Set<String> GROUPS = Set.of("CO", "OA", "PI", "PR", "CR");
    static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,5}");

    public record RefundView(UUID id, UUID accountId, BigDecimal amount, String payee, String reason, UUID entryId,
                             AccountView account) {
    }

    public record AdjustmentView(UUID entryId, UUID accountId, BigDecimal amount, String responsibility, UUID claimId,
                                 String groupCode, String reasonCode, LocalDate effectiveDate, AccountView account) {
    }

    @Inject
    Posting posting;

    @Inject
    Ledgers ledgers;

    @Inject
    PaymentStore payments;

    @Inject
    ClaimStore claims;

    @Inject
    Clock clock;

    @Transactional
    public RefundView refund(Caller caller, UUID accountId, BigDecimal amount, String reason, String payee) {
        List<FieldError> errors = new ArrayList<>();
        if (accountId == null) {
            errors.add(new FieldError("accountId", "is required"));
        }
        BigDecimal money = Effects.money(amount);
        if (money == null) {
            errors.add(new FieldError("amount", "must be a positive amount with at most two decimals"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            errors.add(new FieldError("reason", "is required (at most 500 characters)"));
        }
        if (!"PATIENT".equals(payee) && !"PAYER".equals(payee)) {
            errors.add(new FieldError("payee", "must be PATIENT or PAYER"));
        }
        Violations.check(errors);
        ledgers.visible(caller, accountId);
        Account account = posting.lock(accountId);
        Responsibility side = "PAYER".equals(payee) ? Responsibility.INSURANCE : Responsibility.PATIENT;
        BigDecimal credit = (side == Responsibility.INSURANCE ? account.insuranceSum() : account.patientSum())
                .negate().max(Account.ZERO);
        if (money.compareTo(credit) > 0) {
            throw new Unprocessable(ABOVE_CREDIT, "The " + payee.toLowerCase() + " credit is " + credit
                    + "; a refund of " + money + " exceeds it", Map.of("creditBalance", credit));
        }
        UUID id = UUID.randomUUID();
        List<PostedEntry> posted = posting.post(accountId, List.of(new PlannedEntry(EntryType.REFUND, money, side, null,
                null, null, EntrySource.MANUAL, reason.trim(), LocalDate.now(clock))), caller.subject(),
                new PostingTags(id, payee, null, null));
        payments.insertRefund(id, accountId, money, payee, reason.trim(), posted.get(0).id(), clock.instant());
        return new RefundView(id, accountId, money, payee, reason.trim(), posted.get(0).id(),
                AccountView.of(posting.lock(accountId)));
    }

    @Transactional
    public AdjustmentView adjust(Caller caller, UUID accountId, UUID claimId, BigDecimal amount, String responsibility,
                                 String groupCode, String reasonCode, String remarkCode, LocalDate effectiveDate) {
        List<FieldError> errors = new ArrayList<>();
        if (accountId == null) {
            errors.add(new FieldError("accountId", "is required"));
        }
        BigDecimal money = Effects.money(amount);
        if (money == null) {
            errors.add(new FieldError("amount", "must be a positive amount with at most two decimals"));
        }
        if (!"PATIENT".equals(responsibility) && !"INSURANCE".equals(responsibility)) {
            errors.add(new FieldError("responsibility", "must be INSURANCE or PATIENT"));
        }
        if (groupCode == null || !GROUPS.contains(groupCode)) {
            errors.add(new FieldError("groupCode", "must be one of CO, OA, PI, PR, CR"));
        }
        if (reasonCode == null || !CODE.matcher(reasonCode).matches()) {
            errors.add(new FieldError("reasonCode", "is required: a CARC such as 45"));
        }
        if (remarkCode != null && !Pattern.matches("[A-Z0-9]{1,7}", remarkCode)) {
            errors.add(new FieldError("remarkCode", "must be a RARC such as N130"));
        }
        Violations.check(errors);
        ledgers.visible(caller, accountId);
        if (claimId != null && claims.find(claimId).filter(k -> k.accountId().equals(accountId)).isEmpty()) {
            throw Violations.of("claimId", "is not a claim of this account");
        }
        LocalDate day = effectiveDate == null ? LocalDate.now(clock) : effectiveDate;
        List<PostedEntry> posted = posting.post(accountId, List.of(new PlannedEntry(EntryType.ADJUSTMENT, money,
                Responsibility.valueOf(responsibility), claimId, null, new ReasonCode(groupCode, reasonCode, remarkCode),
                EntrySource.MANUAL, "manual", day)), caller.subject());
        PostedEntry e = posted.get(0);
        return new AdjustmentView(e.id(), accountId, money, responsibility, claimId, groupCode, reasonCode,
                e.effectiveDate(), AccountView.of(posting.lock(accountId)));
    }
}
