package dev.revcycle.payments.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.DomainException;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import dev.revcycle.payments.app.PartnerPayments.Allocation;
import dev.revcycle.payments.app.PartnerPayments.PaymentCommand;
import dev.revcycle.payments.app.PartnerPayments.PaymentView;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.lockbox.LockboxFile;
import dev.revcycle.payments.domain.lockbox.LockboxFile.Item;
import dev.revcycle.payments.store.ClaimStore;
import dev.revcycle.payments.store.LedgerStore;
import dev.revcycle.payments.store.PaymentBatchStore;
import dev.revcycle.payments.store.PaymentBatchStore.BatchRecord;
import dev.revcycle.payments.store.PaymentBatchStore.LineRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lockbox files from a bank: each item becomes a partner payment (method and source LOCKBOX) through
 * {@link PartnerPayments} — the claim of the coupon's patient control number first, then the oldest patient
 * balances, a bad-debt recovery, a credit — with its {@code PaymentPosted} events.
 *
 * <p>A malformed file is refused whole before anything is written. A readable file is recorded as a batch and its
 * lines posted in file order, {@code lines-per-transaction} at a time (the accounts of a chunk locked in id order
 * first, so two files never deadlock on each other's accounts); a chunk that fails is redone line by line, so one
 * line's refusal never takes its neighbours with it. Each line's key is the bank's reference of the item (lockbox,
 * deposit date, batch, item): once POSTED it is never posted again, whatever file brings it back (DUPLICATE, with
 * the earlier payment), and a line whose account is unknown or another practice's is REJECTED and waits for a
 * poster — the file's other lines post, as real lockbox processing does.
 */
@ApplicationScoped
public class PaymentBatches {
    public static final RecordType BATCH = new RecordType("payment-batch", "Payment batch");
    public static final Reason MALFORMED = new Reason("malformed-lockbox-file", "The file is not a readable lockbox file");
    public static final String POSTED = "POSTED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";
    /** Line rejections (reasonCode): stable codes a poster's tools may branch on. */
    public static final String ACCOUNT_NOT_FOUND = "account-not-found";
    public static final String ACCOUNT_MISMATCH = "account-mismatch";
    public static final String ITEM_REUSED = "item-reference-reused";
    public static final String NOT_POSTABLE = "not-postable";

    @Schema(name = "PaymentBatchLine", description = "One item of a lockbox file as the bank sent it, and its outcome")
    public record LineView(@Schema(description = "The file's line (1 = the header)") int line, String lockbox,
                           LocalDate depositDate, @Schema(description = "The bank's batch") String batchId,
                           @Schema(description = "The bank's item within the batch") String itemId,
                           BigDecimal amount, String checkNumber, String payerName, String patientControlNumber,
                           UUID fileAccountId, UUID filePatientId,
                           @Schema(enumeration = {"POSTED", "DUPLICATE", "REJECTED"}) String outcome,
                           @Schema(description = "The account posted to (POSTED) or of the earlier payment (DUPLICATE)") UUID accountId,
                           @Schema(description = "POSTED: this line's payment; DUPLICATE: the earlier payment of the item") UUID paymentId,
                           @Schema(description = "To patient balances") BigDecimal applied,
                           @Schema(description = "Bad debt recovered") BigDecimal recovered,
                           @Schema(description = "Left as a credit balance") BigDecimal credited,
                           @Schema(description = "REJECTED: account-not-found, account-mismatch, item-reference-reused, not-postable")
                           String reasonCode,
                           @Schema(description = "Why (REJECTED, DUPLICATE) or a note on how it was applied (POSTED); never a value of the file")
                           String reason) {
        @Override
        public String toString() {
            return "LineView[line " + line + " " + outcome + "]";
        }

        static LineView of(LineRecord r) {
            return new LineView(r.lineNumber(), r.lockbox().isEmpty() ? null : r.lockbox(), r.depositDate(), r.bankBatchId(),
                    r.itemId(), r.amount(), r.checkNumber(), r.payerName(), r.patientControlNumber(), r.fileAccountId(),
                    r.filePatientId(), r.outcome(), r.accountId(), r.paymentId(), r.applied(), r.recovered(), r.credited(),
                    r.reasonCode(), r.reason());
        }
    }

    @Schema(name = "PaymentBatch", description = "A lockbox file: its totals and (a page of) its lines")
    public record BatchView(UUID id, String practiceId, String status, int items, BigDecimal totalAmount, int posted,
                            int duplicates, int rejected, BigDecimal postedAmount, Instant receivedAt, Instant completedAt,
                            String fileSha256, int page, int size,
                            @Schema(description = "Lines of the batch (of the outcome asked for); -1 while it is processing")
                            long linesTotal, List<LineView> lines) {
    }

    @Inject
    PaymentBatchStore batches;

    @Inject
    LedgerStore ledger;

    @Inject
    ClaimStore claims;

    @Inject
    PartnerPayments payments;

    @Inject
    Posting posting;

    @Inject
    RecordAccess access;

    @Inject
    Clock clock;

    @ConfigProperty(name = "revcycle.lockbox.lines-per-transaction", defaultValue = "100")
    int linesPerTransaction;

    /** Reads, records and posts a file; every line's outcome in the answer. */
    public BatchView post(Caller caller, String practiceId, byte[] body) {
        caller.requirePractice(practiceId, "Practice");
        LockboxFile file;
        try {
            file = LockboxFile.read(body, LocalDate.now(clock));
        } catch (LockboxFile.Malformed e) {
            throw malformed(e);
        }
        Instant now = clock.instant();
        BigDecimal total = file.items().stream().map(Item::amount).reduce(Account.ZERO, BigDecimal::add);
        BatchRecord batch = new BatchRecord(UUID.randomUUID(), practiceId, sha256(body), "PROCESSING", file.items().size(),
                total, 0, 0, 0, Account.ZERO, now, null, caller.subject());
        QuarkusTransaction.requiringNew().run(() -> batches.insertBatch(batch));
        List<LineRecord> lines = new ArrayList<>(file.items().size());
        List<Item> items = file.items();
        int chunk = Math.max(1, linesPerTransaction);
        for (int from = 0; from < items.size(); from += chunk) {
            lines.addAll(postChunk(caller, batch, items.subList(from, Math.min(items.size(), from + chunk))));
        }
        int posted = 0;
        int duplicates = 0;
        BigDecimal postedAmount = Account.ZERO;
        for (LineRecord l : lines) {
            if (POSTED.equals(l.outcome())) {
                posted++;
                postedAmount = postedAmount.add(l.amount());
            } else if (DUPLICATE.equals(l.outcome())) {
                duplicates++;
            }
        }
        int rejected = lines.size() - posted - duplicates;
        Instant done = clock.instant();
        BigDecimal sum = postedAmount;
        int p = posted;
        int d = duplicates;
        QuarkusTransaction.requiringNew().run(() -> batches.complete(batch.id(), p, d, rejected, sum, done));
        return new BatchView(batch.id(), practiceId, "COMPLETE", lines.size(), total, posted, duplicates, rejected, sum, now,
                done, batch.fileSha256(), 0, lines.size(), lines.size(), lines.stream().map(LineView::of).toList());
    }

    /** The batch and a page of its lines in file order ({@code outcome}: only those). */
    public BatchView get(Caller caller, UUID id, String outcome, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BatchRecord b = access.require(caller, AuditAction.READ, BATCH, id, batches.batch(id).orElse(null),
                    BatchRecord::practiceId);
            long total = outcome == null ? b.items() : switch (outcome) {
                case POSTED -> b.posted();
                case DUPLICATE -> b.duplicates();
                default -> b.rejected();
            };
            List<LineView> lines = batches.lines(id, outcome, page.size(), page.offset()).stream().map(LineView::of).toList();
            return new BatchView(b.id(), b.practiceId(), b.status(), b.items(), b.totalAmount(), b.posted(), b.duplicates(),
                    b.rejected(), b.postedAmount(), b.receivedAt(), b.completedAt(), b.fileSha256(), page.page(), page.size(),
                    "COMPLETE".equals(b.status()) ? total : -1, lines);
        });
    }

    private List<LineRecord> postChunk(Caller caller, BatchRecord batch, List<Item> items) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> postLines(caller, batch, items));
        } catch (RuntimeException e) {
            if (items.size() > 1) {
                List<LineRecord> one = new ArrayList<>(items.size());
                for (Item item : items) {
                    one.addAll(postChunk(caller, batch, List.of(item)));
                }
                return one;
            }
            return List.of(refused(caller, batch, items.get(0), e));
        }
    }

    /** A single line whose posting failed: a refusal of the domain is the line's outcome; anything else, the request's. */
    private LineRecord refused(Caller caller, BatchRecord batch, Item item, RuntimeException e) {
        if (retryable(e)) {
            // a deadlock or serialization failure with another posting: once more, alone
            try {
                return QuarkusTransaction.requiringNew().call(() -> postLines(caller, batch, List.of(item))).get(0);
            } catch (RuntimeException again) {
                e = again;
            }
        }
        if (!(e instanceof DomainException refusal)) {
            throw e;
        }
        LineRecord line;
        if (refusal instanceof Conflict c && PartnerPayments.DUPLICATE_REFERENCE.equals(c.reason())
                && c.details().get("paymentId") != null) {
            // posted by hand under the lockbox reference: the item is paid
            line = line(batch, item, DUPLICATE, null, UUID.fromString(c.details().get("paymentId").toString()), null,
                    "the item was posted before as this payment (with its lockbox reference)");
        } else {
            line = line(batch, item, REJECTED, null, null, NOT_POSTABLE, refusal.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> batches.insertLine(line));
        return line;
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Posts {@code items} in one transaction (the caller's). */
    private List<LineRecord> postLines(Caller caller, BatchRecord batch, List<Item> items) {
        String practice = batch.practiceId();
        Map<Item, Resolved> resolved = new LinkedHashMap<>();
        TreeSet<UUID> accounts = new TreeSet<>();
        for (Item item : items) {
            Resolved r = resolve(caller, practice, item);
            resolved.put(item, r);
            if (r.account() != null) {
                accounts.add(r.account().id());
            }
        }
        for (UUID account : accounts) {
            posting.lock(account);
        }
        List<LineRecord> lines = new ArrayList<>(items.size());
        for (Item item : items) {
            lines.add(postLine(caller, batch, item, resolved.get(item)));
        }
        return lines;
    }

    private LineRecord postLine(Caller caller, BatchRecord batch, Item item, Resolved r) {
        Optional<LineRecord> earlier = batches.postedItem(batch.practiceId(), item.lockbox(), item.depositDate(),
                item.batchId(), item.itemId());
        if (earlier.isPresent()) {
            return repeated(batch, item, earlier.get());
        }
        if (r.account() == null) {
            LineRecord line = line(batch, item, REJECTED, null, null, r.reasonCode(), r.reason());
            batches.insertLine(line);
            return line;
        }
        UUID accountId = r.account().id();
        LineRecord claimed = line(batch, item, POSTED, accountId, null, null, null);
        if (!batches.claimItem(claimed)) {
            // a concurrent file posted the item first
            return repeated(batch, item, batches.postedItem(batch.practiceId(), item.lockbox(), item.depositDate(),
                    item.batchId(), item.itemId()).orElseThrow());
        }
        List<String> notes = new ArrayList<>();
        if (r.note() != null) {
            notes.add(r.note());
        }
        List<Allocation> allocations = allocations(item, accountId, notes);
        PaymentView v = payments.post(caller, null, new PaymentCommand(batch.practiceId(), accountId, null, item.amount(),
                "LOCKBOX", "lockbox:" + item.key(), item.depositDate().atStartOfDay(ZoneOffset.UTC).toInstant(), allocations));
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        batches.setPosted(batch.id(), item.line(), v.id(), v.applied(), v.recovered(), v.credited(), note);
        return new LineRecord(batch.id(), item.line(), batch.practiceId(), item.lockbox(), item.depositDate(), item.batchId(),
                item.itemId(), item.amount(), item.accountId(), item.patientId(), item.patientControlNumber(),
                item.checkNumber(), item.payerName(), POSTED, accountId, v.id(), v.applied(), v.recovered(), v.credited(),
                null, note);
    }

    /** The coupon's claim (by patient control number) gets what the patient owes on it, at most the item's amount. */
    private List<Allocation> allocations(Item item, UUID accountId, List<String> notes) {
        if (item.patientControlNumber() == null) {
            return List.of();
        }
        Optional<ClaimStore.KnownClaim> claim = claims.byPatientControlNumber(item.patientControlNumber()).stream()
                .filter(k -> k.accountId().equals(accountId)).findFirst();
        if (claim.isEmpty()) {
            notes.add("the patient control number is not a claim of the account: applied to the oldest balances");
            return List.of();
        }
        BigDecimal owed = ledger.claimSums(claim.get().id())[1];
        if (owed.signum() <= 0) {
            notes.add("the claim of the patient control number has no patient balance: applied to the oldest balances");
            return List.of();
        }
        return List.of(new Allocation(claim.get().id(), owed.min(item.amount()).setScale(2)));
    }

    private LineRecord repeated(BatchRecord batch, Item item, LineRecord earlier) {
        LineRecord line;
        if (item.sameItemAs(earlier.amount(), earlier.fileAccountId(), earlier.filePatientId(), earlier.checkNumber())) {
            line = line(batch, item, DUPLICATE, earlier.accountId(), earlier.paymentId(), null,
                    "the bank's item was posted before (line " + earlier.lineNumber() + " of batch " + earlier.batchId() + ")");
        } else {
            line = line(batch, item, REJECTED, earlier.accountId(), earlier.paymentId(), ITEM_REUSED,
                    "the bank's reference (lockbox, deposit date, batch, item) was posted before with another amount, "
                            + "account or check number (line " + earlier.lineNumber() + " of batch " + earlier.batchId()
                            + "); a poster must look at it");
        }
        batches.insertLine(line);
        return line;
    }

    /** The account an item is for, or why there is none. */
    private record Resolved(Account account, String reasonCode, String reason, String note) {
    }

    private Resolved resolve(Caller caller, String practice, Item item) {
        Optional<Account> found = item.accountId() != null ? ledger.find(item.accountId())
                : ledger.findByPatient(item.patientId(), practice);
        String which = item.accountId() != null ? "account_id" : "patient_id";
        if (found.isEmpty() || !practice.equals(found.get().practiceId())) {
            if (found.isPresent()) {
                // another practice's account answers like an unknown one; a caller who may not see it is audited
                access.visible(caller, AuditAction.READ, Ledgers.ACCOUNT, found.get().id(), found.get(), Account::practiceId);
            }
            return new Resolved(null, ACCOUNT_NOT_FOUND, "no account of the practice has this " + which
                    + "; the item waits for a poster", null);
        }
        Account account = found.get();
        if (item.accountId() != null && item.patientId() != null && !account.patientId().equals(item.patientId())) {
            return new Resolved(null, ACCOUNT_MISMATCH, "account_id and patient_id name different patients", null);
        }
        String note = null;
        for (int i = 0; i < 5 && account.mergedInto() != null; i++) {
            Optional<Account> survivor = ledger.find(account.mergedInto());
            if (survivor.isEmpty()) {
                break;
            }
            account = survivor.get();
            note = "the account was merged: posted to the surviving account";
        }
        return new Resolved(account, null, null, note);
    }

    private static LineRecord line(BatchRecord batch, Item item, String outcome, UUID accountId, UUID paymentId,
                                   String reasonCode, String reason) {
        return new LineRecord(batch.id(), item.line(), batch.practiceId(), item.lockbox(), item.depositDate(), item.batchId(),
                item.itemId(), item.amount(), item.accountId(), item.patientId(), item.patientControlNumber(),
                item.checkNumber(), item.payerName(), outcome, accountId, paymentId, null, null, null, reasonCode, reason);
    }

    static Unprocessable malformed(LockboxFile.Malformed e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (LockboxFile.Problem p : e.problems()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("line", p.line());
            one.put("column", p.column());
            one.put("message", p.message());
            errors.add(one);
        }
        LockboxFile.Problem first = e.problems().get(0);
        String where = "line " + first.line() + (first.column() == null ? "" : ", column " + first.column());
        String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more problems)" : "";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("line", first.line());
        if (first.column() != null) {
            details.put("column", first.column());
        }
        details.put("errors", errors);
        return new Unprocessable(MALFORMED, "Nothing was posted: " + where + ": " + first.message() + more, details);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
