package dev.revcycle.sandbox.remittance;

import dev.revcycle.sandbox.claims.ReceivedClaim;
import dev.revcycle.sandbox.mailbox.Mailbox;
import dev.revcycle.sandbox.remittance.PendingClaims.DueReversal;
import dev.revcycle.sandbox.remittance.PendingClaims.ForwardBalance;
import dev.revcycle.sandbox.remittance.PendingClaims.PendingClaim;
import dev.revcycle.sandbox.remittance.PendingClaims.RunEntry;
import dev.revcycle.sandbox.remittance.PendingClaims.RunFile;
import dev.revcycle.sandbox.rules.RemittanceRule.Outcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Releasing remittances on demand: a run adjudicates every pending claim received on or before a date, sends
 * the reversals the previous runs left due, and writes one 835 per submitter, payer and payee into the
 * submitter's mailbox. One run at a time; a claim is adjudicated by exactly one run.
 */
public final class RemittanceRuns {

    /** One 835 a run wrote. */
    public record RunFileResult(String fileId, String submitter, String payerId, String traceNumber, int claims,
            BigDecimal paymentAmount) {
    }

    /** What a run did: its id and its files (none when nothing was pending). */
    public record RunResult(String runId, List<RunFileResult> files) {
    }

    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final PendingClaims store;
    private final Mailbox mailbox;
    private final RemittanceWriter writer;
    private final Clock clock;

    public RemittanceRuns(PendingClaims store, Mailbox mailbox, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new RemittanceWriter(clock);
        deliverCommitted();
    }

    /** Puts the files of runs committed but not delivered (a crash in between) into the mailbox. */
    private synchronized void deliverCommitted() {
        for (RunEntry run : store.undelivered()) {
            deliver(run);
        }
    }

    /**
     * @param through the last day of receipt to adjudicate (null: every pending claim)
     */
    public synchronized RunResult run(LocalDate through) {
        String runId = UUID.randomUUID().toString();
        RunEntry run;
        synchronized (store) {
            List<PendingClaim> pending = store.pending(through);
            List<DueReversal> reversals = store.reversalsDue();
            if (pending.isEmpty() && reversals.isEmpty()) {
                return new RunResult(runId, List.of());
            }
            long seq = store.nextSeq();
            ZonedDateTime now = ZonedDateTime.now(clock);
            LocalDate today = now.toLocalDate();
            Map<String, Batch> batches = new LinkedHashMap<>();
            for (DueReversal due : reversals) {
                batches.computeIfAbsent(payeeKey(due.source().claim()), k -> new Batch(due.source()))
                        .claims.add(due.payment().reversal());
            }
            List<DueReversal> newlyDue = new ArrayList<>();
            List<String> adjudicated = new ArrayList<>();
            for (PendingClaim claim : pending) {
                ClaimPayment payment = Adjudicator.adjudicate(claim.claim(), claim.duplicate());
                Batch batch = batches.computeIfAbsent(payeeKey(claim.claim()), k -> new Batch(claim));
                batch.claims.add(payment);
                if (payment.interest().signum() != 0) {
                    batch.adjustments.add(new ProviderAdjustment(ProviderAdjustment.INTEREST, payment.claimId(),
                            payment.interest().negate()));
                }
                if (!claim.duplicate() && Adjudicator.ruleFor(claim.claim(), false).outcome()
                        == Outcome.PAID_THEN_REVERSED) {
                    newlyDue.add(new DueReversal(claim, payment));
                }
                adjudicated.add(PendingClaims.idOf(claim));
            }
            List<RunFile> files = new ArrayList<>();
            Map<String, ForwardBalance> balances = new LinkedHashMap<>();
            int index = 0;
            for (Map.Entry<String, Batch> entry : batches.entrySet()) {
                Batch batch = entry.getValue();
                ReceivedClaim first = batch.first.claim();
                String trace = now.format(TRACE_TIME) + String.format("%06d%03d", seq % 1_000_000, ++index);
                List<ProviderAdjustment> adjustments = new ArrayList<>(batch.adjustments);
                ForwardBalance carried = forwardBalances(entry.getKey(), batch, adjustments, trace, balances);
                Remittance remittance = new Remittance(first.submitter(), batch.first.address(), first.payerName(),
                        first.payerId(), first.billingProviderName(), first.billingProviderNpi(),
                        first.billingProviderTaxId(), trace, (seq * 1000 + index) % 999_999_999L + 1, today,
                        batch.claims, adjustments);
                if (carried != null) {
                    balances.put(entry.getKey(), carried);
                }
                files.add(new RunFile(first.submitter(), first.payerId(), first.billingProviderNpi(), trace,
                        batch.claims.size(), remittance.paymentAmount(), writer.write(remittance)));
            }
            run = new RunEntry(seq, runId, through, clock.instant(), files, adjudicated, newlyDue,
                    reversals.stream().map(d -> d.source().key()).toList(), balances);
            store.commit(run);
        }
        return new RunResult(runId, deliver(run));
    }

    /**
     * The payment may not be negative (BPR02 ≥ 0): what a file owes back is carried as a PLB FB forward balance,
     * and recovered (FB, positive) from the payee's next file that has money to pay. Adds the PLB adjustments and
     * answers the payee's new forward balance when it changed (null when it did not).
     */
    private ForwardBalance forwardBalances(String payeeKey, Batch batch, List<ProviderAdjustment> adjustments,
            String trace, Map<String, ForwardBalance> balances) {
        BigDecimal base = batch.claims.stream().map(ClaimPayment::paid).reduce(ZERO, BigDecimal::add)
                .subtract(adjustments.stream().map(ProviderAdjustment::amount).reduce(ZERO, BigDecimal::add));
        ForwardBalance owed = store.balance(payeeKey);
        BigDecimal owedAmount = owed == null ? ZERO : owed.amount();
        BigDecimal recovered = owedAmount.min(base.max(ZERO));
        if (recovered.signum() > 0) {
            adjustments.add(new ProviderAdjustment(ProviderAdjustment.FORWARD_BALANCE, owed.reference(), recovered));
        }
        BigDecimal forwarded = base.signum() < 0 ? base.negate() : ZERO;
        if (forwarded.signum() > 0) {
            adjustments.add(new ProviderAdjustment(ProviderAdjustment.FORWARD_BALANCE, trace, forwarded.negate()));
        }
        if (recovered.signum() == 0 && forwarded.signum() == 0) {
            return null;
        }
        BigDecimal left = owedAmount.subtract(recovered).add(forwarded);
        String reference = forwarded.signum() > 0 && owedAmount.subtract(recovered).signum() == 0 ? trace
                : owed == null ? trace : owed.reference();
        return new ForwardBalance(left, reference);
    }

    private List<RunFileResult> deliver(RunEntry run) {
        List<RunFileResult> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (RunFile file : run.files()) {
            String id = mailbox.put("835", file.submitter(), file.x12()).id();
            ids.add(id);
            results.add(new RunFileResult(id, file.submitter(), file.payerId(), file.traceNumber(), file.claims(),
                    file.paymentAmount()));
        }
        store.delivered(run.seq(), ids);
        return results;
    }

    /** One 835: the submitter's claims for one payer and one payee (billing provider). */
    static String payeeKey(ReceivedClaim claim) {
        return claim.submitter() + "|" + claim.payerId() + "|" + claim.billingProviderNpi();
    }

    private static final class Batch {
        final PendingClaim first;
        final List<ClaimPayment> claims = new ArrayList<>();
        final List<ProviderAdjustment> adjustments = new ArrayList<>();

        Batch(PendingClaim first) {
            this.first = first;
        }
    }
}
