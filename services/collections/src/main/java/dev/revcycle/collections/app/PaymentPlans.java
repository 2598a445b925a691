package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.HoldType;
import dev.revcycle.collections.domain.Installment;
import dev.revcycle.collections.domain.PaymentPlan;
import dev.revcycle.collections.domain.PlanFrequency;
import dev.revcycle.collections.domain.PlanStatus;
import dev.revcycle.collections.domain.PlanTerms;
import dev.revcycle.collections.events.CollectionEvents;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.PlanStore;
import dev.revcycle.collections.domain.PlanRecord;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.security.Caller;
import dev.revcycle.contracts.collections.PaymentPlanCreated;
import dev.revcycle.contracts.collections.PaymentPlanLapsed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payment plans: made ({@link #create}, refused when they never finish, fall under the practice's minimum or
 * ask more than the patient owes), counted ({@link #counted}: patient payments and their reversals, from the
 * ledger consumer's flow), checked for lapses ({@link #lapseCheck}, daily and on demand), renegotiated once lapsed.
 * A plan of an account under a bankruptcy hold is not followed up (never lapsed) while the hold lasts.
 */
@ApplicationScoped
public class PaymentPlans {
    public static final Reason PLAN_REFUSED = new Reason("plan-refused", "The payment plan cannot be agreed");
    public static final Reason PLAN_IN_FORCE = new Reason("plan-in-force", "The account has a payment plan in force already");
    public static final Reason NOT_LAPSED = new Reason("plan-not-lapsed", "Only a lapsed plan can be renegotiated");
    public static final Reason NO_BALANCE = new Reason("no-patient-balance", "The account has no patient balance");
    static final RecordType PLAN = new RecordType("payment-plan", "Payment plan");
    private static final int PAGE = 500;

    @Inject
    PlanStore plans;

    @Inject
    AccountStore accounts;

    @Inject
    Holds holds;

    @Inject
    Policies policies;

    @Inject
    CollectionEvents events;

    @Inject
    Clock clock;

    @Inject
    Accounts accountReads;

    @Inject
    RecordAccess access;

    public record PlanRequest(UUID accountId, BigDecimal totalAmount, BigDecimal installmentAmount, String frequency,
                              LocalDate firstDueDate) {
    }

    @Transactional
    public PlanRecord create(Caller caller, PlanRequest request) {
        Violations.required("body", request);
        Violations.required("accountId", request.accountId());
        Account account = accounts.lock(request.accountId()).orElseThrow(() -> new NotFound("Account"));
        caller.requirePractice(account.practiceId(), "Account");
        return make(caller, account, request, null);
    }

    @Transactional
    public PlanRecord renegotiate(Caller caller, UUID planId, PlanRequest request) {
        PlanRecord old = plans.lock(planId).orElseThrow(() -> new NotFound("Payment plan"));
        caller.requirePractice(old.practiceId(), "Payment plan");
        Violations.required("body", request);
        if (old.plan().status() != PlanStatus.LAPSED) {
            throw new Conflict(NOT_LAPSED, "The plan is " + old.plan().status());
        }
        if (request.accountId() != null && !request.accountId().equals(old.accountId())) {
            throw Violations.of("accountId", "must be the lapsed plan's account (or left out)");
        }
        Account account = accounts.lock(old.accountId()).orElseThrow(() -> new NotFound("Account"));
        UUID next = UUID.randomUUID();
        plans.save(old.id(), old.plan().renegotiated(), old.lapsedOn(), next, clock.instant());
        return make(caller, account, new PlanRequest(old.accountId(), request.totalAmount(), request.installmentAmount(),
                request.frequency(), request.firstDueDate()), old.id(), next);
    }

    private PlanRecord make(Caller caller, Account account, PlanRequest r, UUID from) {
        return make(caller, account, r, from, UUID.randomUUID());
    }

    private PlanRecord make(Caller caller, Account account, PlanRequest r, UUID from, UUID id) {
        PlanFrequency frequency = null;
        if (r.frequency() != null) {
            try {
                frequency = PlanFrequency.valueOf(r.frequency());
            } catch (IllegalArgumentException e) {
                throw Violations.of("frequency", "must be MONTHLY or BIWEEKLY");
            }
        }
        PlanTerms terms = new PlanTerms(r.totalAmount(), r.installmentAmount(), frequency, r.firstDueDate());
        LocalDate today = LocalDate.now(clock);
        CollectionPolicy policy = policies.effective(account.practiceId());
        BigDecimal owed = account.balances().patientBalance();
        // malformed fields are a 400; well-formed terms the practice does not accept are a 422 with every reason
        List<PlanTerms.Problem> problems = terms.check(policy.planMinimumInstallment(), owed, today);
        List<FieldError> malformed = problems.stream().filter(p -> isMalformed(p.message()))
                .map(p -> new FieldError(p.field(), p.message())).toList();
        Violations.check(malformed);
        if (!problems.isEmpty()) {
            throw new Unprocessable(PLAN_REFUSED, problems.get(0).field() + " " + problems.get(0).message(),
                    Map.of("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList()));
        }
        if (owed.signum() <= 0) {
            throw new Unprocessable(NO_BALANCE, "There is no patient balance to put on a plan");
        }
        Instant now = clock.instant();
        if (!plans.insert(id, account.id(), account.practiceId(), terms, from, caller.subject(), now)) {
            throw new Conflict(PLAN_IN_FORCE, "Renegotiate or complete the plan in force first");
        }
        events.planCreated(new PaymentPlanCreated(id, account.id(), account.practiceId(), terms.totalAmount(),
                terms.installmentAmount(), terms.frequency().name(), terms.firstDueDate(), terms.installmentCount(), from, now,
                events.nextVersion(account.id())));
        return plans.find(id).orElseThrow();
    }

    private static boolean isMalformed(String message) {
        return message.equals("is required") || message.equals("must be more than zero")
                || message.equals("must have at most two decimals") || message.startsWith("must be MONTHLY");
    }

    /** The plan and what is paid of it: a read of its account, audited. */
    @Transactional
    public PlanRecord get(Caller caller, UUID id) {
        PlanRecord plan = access.require(caller, AuditAction.READ, PLAN, id, plans.find(id).orElse(null), PlanRecord::practiceId);
        accountReads.read(caller, plan.accountId(), plan.practiceId());
        return plan;
    }

    /**
     * A patient payment (positive) or its reversal (negative) on the account, from the ledger consumer: counted
     * to the account's latest plan made before it was posted. Paid off → COMPLETED; a reversal below the total
     * reopens a completed plan.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void counted(UUID accountId, BigDecimal amount, Instant postedAt) {
        plans.latestOfAccount(accountId, postedAt == null ? clock.instant() : postedAt).ifPresent(stored -> {
            PaymentPlan after = stored.plan().count(amount);
            plans.save(stored.id(), after, stored.lapsedOn(), stored.renegotiatedTo(), clock.instant());
        });
    }

    /** The outcome of a lapse check. */
    public record LapseCheck(LocalDate asOf, int checked, int lapsed, int heldForBankruptcy) {
    }

    /** Every active plan with an installment missed past the practice's grace period: LAPSED, PaymentPlanLapsed. */
    public LapseCheck lapseCheck(Caller caller, LocalDate asOf) {
        Violations.required("asOf", asOf);
        return lapseCheck(asOf, caller == null ? null : caller.practices());
    }

    @Scheduled(cron = "{revcycle.plans.lapse-check-cron:0 30 2 * * ?}", identity = "plan-lapse-check",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        lapseCheck(LocalDate.now(clock), null);
    }

    private LapseCheck lapseCheck(LocalDate asOf, java.util.Set<String> practices) {
        // the widest grace period a practice may set is 60 days: plans due before asOf - 0 days are candidates
        UUID after = new UUID(0L, 0L);
        LocalDate afterDue = LocalDate.of(1900, 1, 1);
        int checked = 0;
        int lapsed = 0;
        int held = 0;
        while (true) {
            UUID from = after;
            LocalDate fromDue = afterDue;
            List<PlanRecord> page = QuarkusTransaction.requiringNew().call(() -> plans.overdue(asOf, fromDue, from, PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (PlanRecord p : page) {
                if (practices != null && !practices.contains(p.practiceId())) {
                    continue;
                }
                checked++;
                int outcome = QuarkusTransaction.requiringNew().call(() -> checkOne(p.id(), asOf));
                lapsed += outcome == 1 ? 1 : 0;
                held += outcome == 2 ? 1 : 0;
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
            afterDue = page.get(page.size() - 1).plan().nextDue().map(Installment::dueDate).orElse(afterDue);
        }
        return new LapseCheck(asOf, checked, lapsed, held);
    }

    /** 1 lapsed, 2 not followed up (bankruptcy), 0 nothing to do. */
    private int checkOne(UUID planId, LocalDate asOf) {
        PlanRecord p = plans.lock(planId).orElseThrow();
        int grace = policies.effective(p.practiceId()).gracePeriodDays();
        if (!p.plan().lapsesOn(asOf, grace)) {
            return 0;
        }
        if (holds.activeOn(p.accountId(), asOf).stream().anyMatch(h -> h.type() == HoldType.BANKRUPTCY)) {
            return 2;
        }
        PaymentPlan lapsedPlan = p.plan().lapseCheck(asOf, grace);
        Installment missed = p.plan().missed(asOf, grace).orElseThrow();
        plans.save(p.id(), lapsedPlan, asOf, null, clock.instant());
        events.planLapsed(new PaymentPlanLapsed(p.id(), p.accountId(), p.practiceId(), missed.number(), missed.dueDate(),
                p.plan().amountDue(asOf), p.plan().remaining(), asOf, events.nextVersion(p.accountId())));
        return 1;
    }
}
