package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.StatusInquiry;
import dev.revcycle.claims.store.StatusInquiryRepository;
import dev.revcycle.claims.store.SubmissionBatchRepository;
import dev.revcycle.claims.x12.AcknowledgementException;
import dev.revcycle.claims.x12.ClaimStatus277;
import dev.revcycle.claims.x12.ClaimStatus277Reader;
import dev.revcycle.claims.x12.ClaimStatus276Writer;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Claim status inquiries (X12 276 → 277), the synchronous exchange of eligibility's CheckingEligibility: one
 * short transaction loads the claim and writes the 276, none is open while the clearinghouse answers, a second
 * records the answer. An exchange without a usable answer records nothing and is common's {@code Unavailable} ({@link ClearinghouseFailures}).
 */
@ApplicationScoped
public class InquiringClaimStatus {
    public static final Reason NOT_INQUIRABLE = new Reason("claim-not-inquirable",
            "Only a claim sent to the payer (submitted, accepted or adjudicated) can be asked about");
    public static final Reason SELF_PAY = new Reason("self-pay-claim", "A self-pay claim has no payer to ask");
    /** Submitted, accepted or adjudicated: the payer has it. */
    public static final Set<ClaimStatus> INQUIRABLE = EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED,
            ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID, ClaimStatus.DENIED);
    public static final int MAX_RUN = 500;
    public static final int DEFAULT_RUN = 100;
    private static final Logger LOG = Logger.getLogger(InquiringClaimStatus.class);

    @Inject
    BillableClaims billable;

    @Inject
    StatusInquiryRepository inquiries;

    @Inject
    SubmissionBatchRepository controlNumbers;

    @Inject
    ClaimStatus276Writer writer;

    @Inject
    Clearinghouse clearinghouse;

    @Inject
    Clock clock;

    private record Prepared(UUID inquiryId, UUID claimId, String practiceId, long interchange, String trace,
                            String x276, Instant askedAt) {
    }

    /** What a status run did. {@code stopped}: why it stopped before the end (an outage), else null. */
    public record RunResult(String practiceId, int olderThanDays, int asked, int answered, int failed,
                            boolean hasMore, String stopped, Map<String, Integer> byCategory) {
    }

    /** Asks the payer about one claim of the caller's practices (404 for another practice's). */
    public StatusInquiry inquire(Caller caller, UUID claimId) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(billable.load(caller, claimId),
                caller.subject()));
        return exchange(prepared, caller.subject(), "api");
    }

    /** A claim's answered inquiries, newest first (at most 200). */
    public List<StatusInquiry> history(Caller caller, UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            billable.load(caller, claimId);
            return inquiries.byClaim(claimId);
        });
    }

    /**
     * Asks about every SUBMITTED/ACCEPTED claim of the practice sent more than {@code olderThanDays} ago with no
     * adjudication and no inquiry answered in that many days, oldest first, at most {@code limit} of them; stops at
     * the first outage (the rest would fail alike).
     */
    public RunResult run(Caller caller, String practiceId, Integer olderThanDays, Integer limit) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (olderThanDays == null || olderThanDays < 1 || olderThanDays > 3650) {
            errors.add(new FieldError("olderThanDays", "must be a whole number from 1 to 3650"));
        }
        if (limit != null && (limit < 1 || limit > MAX_RUN)) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_RUN));
        }
        Violations.check(errors);
        caller.requirePractice(practiceId, "Practice");
        int max = limit == null ? DEFAULT_RUN : limit;
        Instant cutoff = clock.instant().minus(Duration.ofDays(olderThanDays));
        List<StatusInquiryRepository.Candidate> due = QuarkusTransaction.requiringNew()
                .call(() -> inquiries.awaitingAnswer(practiceId, cutoff, null, max + 1));
        boolean more = due.size() > max;
        int asked = 0;
        int answered = 0;
        int failed = 0;
        String stopped = null;
        Map<String, Integer> byCategory = new java.util.TreeMap<>();
        for (StatusInquiryRepository.Candidate candidate : due.subList(0, Math.min(max, due.size()))) {
            asked++;
            try {
                Prepared prepared = QuarkusTransaction.requiringNew().call(() ->
                        prepare(billable.load(candidate.claimId()), caller.subject()));
                StatusInquiry answer = exchange(prepared, caller.subject(), "run");
                answered++;
                byCategory.merge(answer.categoryCode(), 1, Integer::sum);
            } catch (dev.revcycle.common.domain.Unavailable e) {
                failed++;
                if (e.retryLater()) {
                    stopped = e.getMessage();
                    more = true;
                    break;
                }
            } catch (Unprocessable e) {
                failed++; // e.g. its coverage lost its payer id since it was sent
            }
        }
        LOG.infof("claim status run for %s: %d asked, %d answered, %d failed", practiceId, asked, answered, failed);
        return new RunResult(practiceId, olderThanDays, asked, answered, failed, more, stopped, byCategory);
    }

    private Prepared prepare(BillableClaim claim, String actor) {
        ClaimStatus status = claim.claim().status();
        if (!INQUIRABLE.contains(status)) {
            throw new Unprocessable(NOT_INQUIRABLE, "The claim is " + status + ": only SUBMITTED, ACCEPTED, PAID, "
                    + "PARTIALLY_PAID or DENIED claims are with the payer.", Map.of("status", status.name()));
        }
        if (claim.coverage() == null || claim.claim().selfPay()) {
            throw new Unprocessable(SELF_PAY, "The claim is self-pay.");
        }
        UUID id = UUID.randomUUID();
        String trace = id.toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        long interchange = controlNumbers.nextControlNumber();
        String x276 = writer.write(interchange, trace, claim, inquiries.payerClaimNumber(claim.claim().id()));
        return new Prepared(id, claim.claim().id(), claim.claim().practiceId(), interchange, trace, x276,
                clock.instant());
    }

    private StatusInquiry exchange(Prepared prepared, String actor, String source) {
        Clearinghouse.StatusExchange answer = clearinghouse.inquire(prepared.x276());
        if (!answer.ok()) {
            LOG.warnf("claim status inquiry for claim %s: %s", prepared.claimId(), answer.failure());
            throw ClearinghouseFailures.of(answer.failure(), answer.unavailable());
        }
        ClaimStatus277 read;
        try {
            read = new ClaimStatus277Reader().read(answer.x277(), prepared.trace());
        } catch (AcknowledgementException e) {
            LOG.warnf("claim status inquiry for claim %s: unreadable 277: %s", prepared.claimId(), e.getMessage());
            throw ClearinghouseFailures.of("the payer's 277 could not be read: " + e.getMessage(), false);
        }
        var first = read.first();
        StatusInquiry inquiry = new StatusInquiry(prepared.inquiryId(), prepared.claimId(), prepared.practiceId(),
                prepared.trace(), first.category(), blank(first.statusCode()), blank(first.entityCode()), first.reason(),
                read.statuses().stream().map(s -> new StatusInquiry.Status(s.category(), blank(s.statusCode()),
                        blank(s.entityCode()), s.reason())).toList(),
                read.statusDate(), read.charge(), read.paid(), read.paidDate(), read.checkDate(), read.checkNumber(),
                read.payerClaimControlNumber(), source, actor, prepared.askedAt(), clock.instant());
        QuarkusTransaction.requiringNew().run(() ->
                inquiries.insert(inquiry, prepared.interchange(), prepared.x276(), answer.x277()));
        return inquiry;
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
