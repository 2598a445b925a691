package dev.revcycle.sandbox.remittance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revcycle.sandbox.claims.Acknowledgement;
import dev.revcycle.sandbox.claims.Acknowledgement.ReturnAddress;
import dev.revcycle.sandbox.claims.ReceivedClaim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The payer's side of accepted claims: what waits for adjudication, what was adjudicated (so no claim is paid
 * twice), reversals due in the next run, and balances carried forward — kept in {@code <data-dir>/adjudication}
 * so that a restart keeps them.
 *
 * <p>The directory is an append-only journal, one JSON file per event, numbered by one sequence:
 * {@code <seq>-received.json} (the claims one 837 had accepted), {@code <seq>-run.json} (a remittance run: its
 * 835s, written out in full, and what it adjudicated) and {@code <seq>-delivered.json} (the run's files are in
 * the mailbox). Each is written to a temporary file and moved into place; at start the journal is replayed in
 * order. A run is committed by its run file, before its 835s go to the mailbox, so a crash in between delivers
 * them at the next start ({@link RemittanceRuns}) instead of adjudicating the claims again.
 *
 * <p>A claim is identified by its submitter and CLM01. Accepted again while still pending, the newer copy
 * replaces the older; accepted again after it was adjudicated, it is pending as a duplicate (denied CO-18).
 */
public final class PendingClaims {

    /** An accepted claim waiting for a run. */
    public record PendingClaim(String key, long seq, int index, LocalDate receivedOn, ReturnAddress address,
            ReceivedClaim claim, boolean duplicate) {
        @Override
        public String toString() {
            return "PendingClaim[" + seq + "/" + index + (duplicate ? ", duplicate" : "") + "]";
        }
    }

    /**
     * What the payer knows of one claim, for a 276: the claim as last received, and once a run adjudicated it,
     * the day it did (and the day a later run reversed it, if one did). {@code duplicate}: adjudicated as a
     * duplicate of an earlier copy.
     */
    public record KnownClaim(ReceivedClaim claim, LocalDate receivedOn, LocalDate adjudicatedOn, boolean duplicate,
            LocalDate reversedOn) {
        @Override
        public String toString() {
            return "KnownClaim[" + (adjudicatedOn == null ? "pending" : "adjudicated") + "]";
        }
    }

    /** A claim paid under the reversal rule: its payment, reversed in the next run. */
    public record DueReversal(PendingClaim source, ClaimPayment payment) {
    }

    /** What the payer owes itself back from a payee (a negative 835 carried forward as PLB FB). */
    public record ForwardBalance(BigDecimal amount, String reference) {
    }

    /** One 835 of a run, as committed. Its text holds PHI. */
    public record RunFile(String submitter, String payerId, String payeeNpi, String traceNumber, int claims,
            BigDecimal paymentAmount, String x12) {
        @Override
        public String toString() {
            return "RunFile[" + traceNumber + "]";
        }
    }

    /**
     * A committed run.
     *
     * @param adjudicated   "key@seq/index" of every pending claim it adjudicated
     * @param reversalsDue  claims it paid that the next run reverses
     * @param reversed      keys whose due reversal it sent
     * @param balances      the forward balances it left, per payee key (zero: settled)
     */
    public record RunEntry(long seq, String runId, LocalDate through, Instant at, List<RunFile> files,
            List<String> adjudicated, List<DueReversal> reversalsDue, List<String> reversed,
            Map<String, ForwardBalance> balances) {
    }

    record ReceivedEntry(long seq, LocalDate receivedOn, ReturnAddress address, List<ReceivedClaim> claims) {
    }

    record DeliveredEntry(long seq, List<String> fileIds) {
    }

    private static final String RECEIVED = "-received.json";
    private static final String RUN = "-run.json";
    private static final String DELIVERED = "-delivered.json";

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Path dir;
    private final Map<String, PendingClaim> pending = new HashMap<>();
    private final Set<String> adjudicated = new HashSet<>();
    private final Map<String, DueReversal> reversalsDue = new LinkedHashMap<>();
    private final Map<String, ForwardBalance> balances = new HashMap<>();
    private final Map<Long, RunEntry> undelivered = new TreeMap<>();
    private final Map<String, KnownClaim> settled = new HashMap<>();
    private long lastSeq;

    public PendingClaims(Path dataDir) {
        this.dir = dataDir.resolve("adjudication");
        try {
            Files.createDirectories(dir);
            replay();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the adjudication journal", e);
        }
    }

    private void replay() throws IOException {
        TreeMap<Long, List<Path>> entries = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dash = name.indexOf('-');
                try {
                    entries.computeIfAbsent(Long.parseLong(name.substring(0, dash)), s -> new ArrayList<>()).add(file);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a journal entry
                }
            }
        }
        for (Map.Entry<Long, List<Path>> entry : entries.entrySet()) {
            lastSeq = Math.max(lastSeq, entry.getKey());
            for (Path file : entry.getValue()) {
                String name = file.getFileName().toString();
                if (name.endsWith(RECEIVED)) {
                    apply(json.readValue(file.toFile(), ReceivedEntry.class));
                } else if (name.endsWith(RUN)) {
                    apply(json.readValue(file.toFile(), RunEntry.class));
                }
            }
        }
        // Delivered markers are written after their run's seq, so read them last.
        for (List<Path> files : entries.values()) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(DELIVERED)) {
                    undelivered.remove(json.readValue(file.toFile(), DeliveredEntry.class).seq());
                }
            }
        }
    }

    static String key(ReceivedClaim claim) {
        return claim.submitter() + "|" + claim.claimId();
    }

    /** Keeps the claims an 837 had accepted (A2) as pending, received on the given day. */
    public synchronized void accept(Acknowledgement acknowledgement, LocalDate receivedOn) {
        if (acknowledgement.accepted().isEmpty()) {
            return;
        }
        ReceivedEntry entry = new ReceivedEntry(lastSeq + 1, receivedOn, acknowledgement.returnAddress(),
                acknowledgement.accepted());
        write(entry.seq(), RECEIVED, entry);
        apply(entry);
    }

    private void apply(ReceivedEntry entry) {
        lastSeq = Math.max(lastSeq, entry.seq());
        for (int i = 0; i < entry.claims().size(); i++) {
            ReceivedClaim claim = entry.claims().get(i);
            String key = key(claim);
            PendingClaim earlier = pending.get(key);
            boolean duplicate = adjudicated.contains(key) || (earlier != null && earlier.duplicate());
            pending.put(key, new PendingClaim(key, entry.seq(), i, entry.receivedOn(), entry.address(), claim,
                    duplicate));
        }
    }

    private void apply(RunEntry run) {
        lastSeq = Math.max(lastSeq, run.seq());
        for (String id : run.adjudicated()) {
            String key = id.substring(0, id.lastIndexOf('@'));
            PendingClaim claim = pending.get(key);
            if (claim != null) {
                LocalDate on = run.at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                settled.put(key, new KnownClaim(claim.claim(), claim.receivedOn(), on, claim.duplicate(), null));
            }
            if (claim != null && id.equals(idOf(claim))) {
                pending.remove(key);
            } else if (claim != null) {
                // replaced after the run read it: now a duplicate of what the run adjudicated
                pending.put(key, new PendingClaim(key, claim.seq(), claim.index(), claim.receivedOn(),
                        claim.address(), claim.claim(), true));
            }
            adjudicated.add(key);
        }
        for (String key : run.reversed()) {
            reversalsDue.remove(key);
            KnownClaim paid = settled.get(key);
            if (paid != null) {
                settled.put(key, new KnownClaim(paid.claim(), paid.receivedOn(), paid.adjudicatedOn(), paid.duplicate(),
                        run.at().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
            }
        }
        for (DueReversal due : run.reversalsDue()) {
            reversalsDue.put(due.source().key(), due);
        }
        run.balances().forEach((payee, balance) -> {
            if (balance.amount().signum() == 0) {
                balances.remove(payee);
            } else {
                balances.put(payee, balance);
            }
        });
        if (!run.files().isEmpty()) {
            undelivered.put(run.seq(), run);
        }
    }

    static String idOf(PendingClaim claim) {
        return claim.key() + "@" + claim.seq() + "/" + claim.index();
    }

    /** Pending claims received on or before {@code through} (null: all), in the order they were received. */
    public synchronized List<PendingClaim> pending(LocalDate through) {
        return pending.values().stream()
                .filter(c -> through == null || !c.receivedOn().isAfter(through))
                .sorted(Comparator.comparingLong(PendingClaim::seq).thenComparingInt(PendingClaim::index))
                .toList();
    }

    /**
     * What is known of a submitter's claim (by its CLM01): pending when an accepted copy waits for a run (also a
     * copy received again after adjudication), else as last adjudicated; empty when never accepted.
     */
    public synchronized java.util.Optional<KnownClaim> find(String submitter, String claimId) {
        String key = submitter + "|" + claimId;
        PendingClaim waiting = pending.get(key);
        if (waiting != null) {
            return java.util.Optional.of(new KnownClaim(waiting.claim(), waiting.receivedOn(), null, waiting.duplicate(),
                    null));
        }
        return java.util.Optional.ofNullable(settled.get(key));
    }

    public synchronized List<DueReversal> reversalsDue() {
        return List.copyOf(reversalsDue.values());
    }

    public synchronized ForwardBalance balance(String payeeKey) {
        return balances.get(payeeKey);
    }

    /** The sequence number the next journal entry gets. */
    public synchronized long nextSeq() {
        return lastSeq + 1;
    }

    /** Commits a run: from here on its claims are adjudicated, whether or not its files reach the mailbox. */
    public synchronized void commit(RunEntry run) {
        if (run.seq() != lastSeq + 1) {
            throw new IllegalStateException("a journal entry was written since the run began");
        }
        write(run.seq(), RUN, run);
        apply(run);
    }

    /** Records that a committed run's files are in the mailbox. */
    public synchronized void delivered(long seq, List<String> fileIds) {
        write(seq, DELIVERED, new DeliveredEntry(seq, fileIds));
        undelivered.remove(seq);
    }

    /** Committed runs whose files may not have reached the mailbox (a crash in between). */
    public synchronized List<RunEntry> undelivered() {
        return List.copyOf(undelivered.values());
    }

    private void write(long seq, String suffix, Object entry) {
        Path target = dir.resolve(String.format("%012d", seq) + suffix);
        try {
            Path temp = Files.createTempFile(dir, ".incoming-", ".tmp");
            try {
                json.writeValue(temp.toFile(), entry);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the adjudication journal", e);
        }
    }
}
