package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.appeal.Appeal;
import dev.revcycle.claims.domain.appeal.AppealTerms;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.forms.AppealLetter;
import dev.revcycle.claims.store.AppealRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appeals of adjudicated claims ({@link AppealTerms} says which, for how much and until when): filing one
 * (ClaimAppealed; one OPEN appeal per claim, under the claim's row lock), its letter, its outcome, the open ones
 * by deadline, and the payers' appeal days per practice.
 */
@ApplicationScoped
public class AppealingClaims {
    public static final RecordType APPEAL = new RecordType("appeal", "Appeal");
    public static final Reason NOT_APPEALABLE = new Reason("claim-not-appealable", "This claim cannot be appealed");
    public static final Reason OPEN_APPEAL = new Reason("appeal-open", "The claim already has an open appeal");
    public static final Reason DEADLINE_PASSED = new Reason("appeal-deadline-passed", "The payer's appeal deadline has passed");
    public static final Reason DECIDED = new Reason("appeal-decided", "The appeal already has another outcome");
    public static final int MAX_REASON = 2_000;
    public static final int MAX_LETTER = 20_000;
    public static final int MAX_LIST = 200;

    @Inject
    BillableClaims billable;

    @Inject
    AppealRepository appeals;

    @Inject
    ClaimEvents events;

    @Inject
    RecordAccess access;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    /** An appeal in a list: the appeal and its days left (negative: the deadline passed). */
    public record Due(Appeal appeal, long daysLeft) {
    }

    @Transactional
    public Appeal file(Caller caller, UUID claimId, String reason, String letter, BigDecimal expected) {
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "at most " + MAX_REASON + " characters"));
        }
        if (letter != null && letter.length() > MAX_LETTER) {
            errors.add(new FieldError("letter", "at most " + MAX_LETTER + " characters"));
        }
        if (expected != null && (expected.signum() <= 0 || expected.scale() > 2)) {
            errors.add(new FieldError("expectedAmount", "must be a positive amount with at most two decimals"));
        }
        Violations.check(errors);
        BillableClaim claim = billable.load(caller, claimId);
        AppealRepository.ClaimFacts facts = appeals.lockClaim(claimId).orElseThrow(() -> new NotFound("Claim"));
        String refusal = AppealTerms.refusal(facts.status(), facts.charge(), facts.paid(), expected);
        if (refusal != null) {
            throw new Unprocessable(NOT_APPEALABLE, refusal, Map.of("status", facts.status().name()));
        }
        appeals.openOf(claimId).ifPresent(open -> {
            throw new Conflict(OPEN_APPEAL, "Appeal " + open + " of this claim is still open: record its outcome first.",
                    Map.of("openAppealId", open.toString()));
        });
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate adjudicatedOn = facts.adjudicatedOn() == null ? today : facts.adjudicatedOn();
        Integer days = appeals.deadlineDays(claim.claim().practiceId(), facts.payerId());
        int deadlineDays = days == null ? AppealTerms.DEFAULT_DEADLINE_DAYS : days;
        LocalDate deadline = AppealTerms.deadline(adjudicatedOn, deadlineDays);
        if (deadline.isBefore(today)) {
            throw new Unprocessable(DEADLINE_PASSED, "The payer's " + deadlineDays + " days to appeal ended on " + deadline
                    + ".", Map.of("deadline", deadline.toString()));
        }
        Appeal appeal = new Appeal(UUID.randomUUID(), claimId, claim.claim().practiceId(), facts.payerId(),
                Appeal.Status.OPEN, facts.status(), reason.strip(), letter == null || letter.isBlank() ? null : letter,
                facts.charge(), facts.paid(), expected, AppealTerms.disputed(facts.status(), facts.charge(), facts.paid(),
                expected), adjudicatedOn, deadlineDays, deadline, null, null, null, caller.subject(), clock.instant(), 1);
        appeals.insert(appeal);
        events.appealed(appeal, claim.claim().patientId(), claim.claim().patientControlNumber());
        audit.success(caller, AuditAction.CREATE, APPEAL.auditName(), appeal.id(), appeal.practiceId());
        return appeal;
    }

    @Transactional
    public Appeal get(Caller caller, UUID id) {
        Appeal appeal = access.require(caller, AuditAction.READ, APPEAL, id, appeals.find(id).orElse(null),
                Appeal::practiceId);
        return appeal;
    }

    /** The letter as a PDF (PHI: audited as a read of the appeal). */
    @Transactional
    public byte[] letter(Caller caller, UUID id) {
        Appeal appeal = get(caller, id);
        BillableClaim claim = billable.load(appeal.claimId());
        String payerClaimNumber = appeals.payerClaimNumber(appeal.claimId());
        return AppealLetter.render(appeal, claim, payerClaimNumber, appeals.latestAdjustmentCodes(appeal.claimId()),
                LocalDate.ofInstant(appeal.filedAt(), ZoneOffset.UTC));
    }

    @Transactional
    public Appeal decide(Caller caller, UUID id, String outcome, String note) {
        List<FieldError> errors = new ArrayList<>();
        Appeal.Status decided = null;
        if (!"OVERTURNED".equals(outcome) && !"UPHELD".equals(outcome)) {
            errors.add(new FieldError("outcome", "must be OVERTURNED or UPHELD"));
        } else {
            decided = Appeal.Status.valueOf(outcome);
        }
        if (note != null && note.length() > MAX_REASON) {
            errors.add(new FieldError("note", "at most " + MAX_REASON + " characters"));
        }
        Violations.check(errors);
        Appeal appeal = get(caller, id);
        if (appeal.status() == decided) {
            return appeal; // the same outcome again changes nothing
        }
        if (appeal.status() != Appeal.Status.OPEN || !appeals.decide(id, decided, note, caller.subject(), clock.instant())) {
            throw new Conflict(DECIDED, "The appeal is already " + appeals.find(id).orElseThrow().status() + ".",
                    Map.of("status", appeals.find(id).orElseThrow().status().name()));
        }
        return appeals.find(id).orElseThrow();
    }

    /** Open appeals of the practice by deadline, those due within the days when given, at most 200. */
    @Transactional
    public List<Due> due(Caller caller, String practiceId, Integer dueWithinDays) {
        if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > 3650)) {
            throw Violations.of("dueWithinDays", "must be a whole number from 0 to 3650");
        }
        caller.requirePractice(practiceId, "Practice");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate until = dueWithinDays == null ? LocalDate.of(9999, 12, 31) : today.plusDays(dueWithinDays);
        List<Due> out = appeals.due(practiceId, until, MAX_LIST).stream().map(a -> new Due(a, a.daysLeft(today))).toList();
        audit.success(caller, AuditAction.SEARCH, APPEAL.auditName(), out.stream().map(d -> d.appeal().id()).toList(),
                practiceId);
        return out;
    }

    @Transactional
    public dev.revcycle.claims.domain.appeal.PayerDeadline setDeadline(Caller caller, String practiceId, UUID payerId, Integer days) {
        List<FieldError> errors = new ArrayList<>();
        if (payerId == null) {
            errors.add(new FieldError("payerId", "is required"));
        }
        if (days == null || days < 1 || days > 3650) {
            errors.add(new FieldError("days", "must be a whole number from 1 to 3650"));
        }
        Violations.check(errors);
        caller.requirePractice(practiceId, "Practice");
        appeals.setDeadline(practiceId, payerId, days, caller.subject(), clock.instant());
        return new dev.revcycle.claims.domain.appeal.PayerDeadline(payerId, days, caller.subject(), clock.instant());
    }

    @Transactional
    public List<dev.revcycle.claims.domain.appeal.PayerDeadline> deadlines(Caller caller, String practiceId) {
        caller.requirePractice(practiceId, "Practice");
        return appeals.deadlines(practiceId);
    }
}
