package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.DunningLevel;
import dev.revcycle.collections.domain.StatementCycle;
import dev.revcycle.collections.domain.StatementDocument;
import dev.revcycle.collections.domain.StatementOutcome;
import dev.revcycle.collections.events.CollectionEvents;
import dev.revcycle.collections.store.StatementStore;
import dev.revcycle.collections.store.StatementStore.Candidate;
import dev.revcycle.collections.store.StatementStore.NewStatement;
import dev.revcycle.collections.domain.StatementRun;
import dev.revcycle.collections.store.StatementStore.StoredStatement;
import dev.revcycle.collections.store.WriteOffStore;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.security.Caller;
import dev.revcycle.contracts.collections.StatementIssued;
import dev.revcycle.contracts.payments.WriteOffRequested;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Statement runs: every account of a practice with a patient balance due in the cycle gets its next
 * statement, or a small-balance write-off request, or is counted as skipped ({@link StatementCycle} decides).
 * The run walks the practice's accounts in id order, {@code revcycle.statements.chunk} (default 2,000) per
 * transaction: each chunk's statements, dunning positions, events and counts commit together, so a run of
 * 100,000 accounts holds neither one long transaction nor 100,000 events in memory. The same practice and date
 * again answers the first run: a finished run issues nothing twice, and one that stopped half-way is carried on
 * (accounts stated that day are no longer due).
 */
@ApplicationScoped
public class IssuingStatements {
    /** A statement's id as asked for: a denied one is audited under it (a read is audited under its account). */
    static final RecordType STATEMENT = new RecordType("statement", "Statement");
    static final RecordType RUN = new RecordType("statement-run", "Statement run");

    @Inject
    StatementStore statements;

    @Inject
    WriteOffStore writeOffs;

    @Inject
    CollectionEvents events;

    @Inject
    Policies policies;

    @Inject
    Accounts accounts;

    @Inject
    RecordAccess access;

    @Inject
    Clock clock;

    @ConfigProperty(name = "revcycle.statements.chunk", defaultValue = "2000")
    int chunk;

    @ConfigProperty(name = "revcycle.statements.due-days", defaultValue = "21")
    int dueDays;

    /** The run and whether this call made it (false: the practice's run of that date already existed). */
    public record Started(StatementRun run, boolean created) {
    }

    public Started run(Caller caller, String practiceId, LocalDate asOf) {
        PracticeDate.require(practiceId, asOf);
        caller.requirePractice(practiceId, "Practice");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean created = QuarkusTransaction.requiringNew().call(() -> statements.insertRun(id, practiceId, asOf, caller.subject(), now));
        StatementRun run = QuarkusTransaction.requiringNew().call(() -> statements.run(practiceId, asOf).orElseThrow());
        if (created || !"COMPLETE".equals(run.status())) {
            CollectionPolicy policy = policies.effective(practiceId);
            StatementCycle cycle = new StatementCycle(policy.statementCycleDays(), policy.dunningLevels(),
                    policy.smallBalanceThreshold(), dueDays);
            UUID after = new UUID(0L, 0L); // PostgreSQL orders uuids bytewise, unsigned: this is the least
            int seq = QuarkusTransaction.requiringNew().call(() -> statements.maxSeq(run.id()));
            while (true) {
                UUID from = after;
                int fromSeq = seq;
                ChunkResult result = QuarkusTransaction.requiringNew().call(() -> chunk(run, cycle, from, fromSeq));
                if (result.last() == null) {
                    break;
                }
                after = result.last();
                seq = result.seq();
            }
            QuarkusTransaction.requiringNew().run(() -> statements.complete(run.id(), clock.instant()));
        }
        return new Started(QuarkusTransaction.requiringNew().call(() -> statements.run(run.id()).orElseThrow()), created);
    }

    private record ChunkResult(UUID last, int seq) {
    }

    private ChunkResult chunk(StatementRun run, StatementCycle cycle, UUID after, int seq) {
        List<UUID> ids = statements.chunk(run.practiceId(), after, chunk);
        if (ids.isEmpty()) {
            return new ChunkResult(null, seq);
        }
        Instant now = clock.instant();
        LocalDate asOf = run.asOf();
        Map<StatementOutcome, Integer> counts = new EnumMap<>(StatementOutcome.class);
        List<NewStatement> toIssue = new ArrayList<>();
        List<WriteOffStore.Request> smallBalances = new ArrayList<>();
        List<UUID> patients = new ArrayList<>();
        for (Candidate c : statements.candidates(ids.toArray(UUID[]::new), asOf)) {
            Optional<StatementOutcome> outcome = cycle.decide(c.facts(), asOf);
            if (outcome.isEmpty()) {
                continue;
            }
            switch (outcome.get()) {
                case ISSUED -> {
                    DunningLevel level = cycle.nextLevel(c.facts().lastLevel());
                    toIssue.add(new NewStatement(UUID.randomUUID(), run.id(), ++seq, c.accountId(), run.practiceId(),
                            c.patientId(), level, asOf, cycle.dueDate(asOf), c.facts().patientBalance(), c.balanceVersion(), now));
                    patients.add(c.patientId());
                }
                case SMALL_BALANCE_WRITE_OFF -> smallBalances.add(new WriteOffStore.Request(UUID.randomUUID(), c.accountId(),
                        run.practiceId(), "SMALL_BALANCE", c.facts().patientBalance(), c.balanceVersion(),
                        "Patient balance under the practice's small-balance threshold", now, "STATEMENT_RUN", run.id(),
                        run.startedBy()));
                default -> counts.merge(outcome.get(), 1, Integer::sum);
            }
        }
        List<NewStatement> issued = statements.insert(toIssue);
        Map<UUID, Long> versions = statements.bumpVersions(issued.stream().map(NewStatement::accountId).toArray(UUID[]::new));
        BigDecimal due = BigDecimal.ZERO;
        for (NewStatement s : issued) {
            due = due.add(s.amountDue());
            events.statementIssued(new StatementIssued(s.id(), s.runId(), s.accountId(), s.patientId(), s.practiceId(),
                    s.level().name(), s.amountDue(), s.statementDate(), s.dueDate(), s.issuedAt(), versions.get(s.accountId())));
        }
        List<WriteOffStore.Request> requested = writeOffs.insert(smallBalances);
        for (WriteOffStore.Request r : requested) {
            events.writeOffRequested(new WriteOffRequested(r.id(), r.accountId(), r.practiceId(), r.amount(), r.kind(),
                    r.reason(), r.requestedAt(), 1));
        }
        statements.addCounts(run.id(), issued.size(), requested.size(), counts.getOrDefault(StatementOutcome.SKIPPED_HOLD, 0),
                counts.getOrDefault(StatementOutcome.SKIPPED_UNDELIVERABLE, 0), counts.getOrDefault(StatementOutcome.SKIPPED_PLAN, 0),
                counts.getOrDefault(StatementOutcome.SKIPPED_PLACED, 0), due);
        return new ChunkResult(ids.get(ids.size() - 1), seq);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StatementRun findRun(Caller caller, UUID id) {
        StatementRun run = statements.run(id).orElseThrow(() -> new NotFound("Statement run"));
        caller.requirePractice(run.practiceId(), "Statement run");
        return run;
    }

    /** The run's file holds its statements: another practice's is denied like a statement (and audited). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatementRun findRunToPrint(Caller caller, UUID id) {
        return access.require(caller, AuditAction.READ, RUN, id, statements.run(id).orElse(null), StatementRun::practiceId);
    }

    /** The statement (its patient's name and address, the services): a read of its account, audited. */
    @Transactional
    public StatementDocument find(Caller caller, UUID id) {
        StoredStatement s = access.require(caller, AuditAction.READ, STATEMENT, id, statements.statement(id).orElse(null),
                StoredStatement::practiceId);
        accounts.read(caller, s.accountId(), s.practiceId());
        return document(s);
    }

    private StatementDocument document(StoredStatement s) {
        return new StatementDocument(s.id(), s.practiceId(), null, s.accountId(), s.name(), s.address(), s.statementDate(),
                s.dueDate(), s.level(), statements.lines(s.accountId(), s.statementDate()), s.amountDue());
    }

    /**
     * A run's statements in file order, read {@code page} at a time, each page in a short transaction of its own
     * (the file is written after the request's transaction, while the response streams); the page's accounts are
     * written to the PHI audit in its transaction, as they are handed to the file.
     */
    public Iterator<StatementDocument> documents(Caller caller, StatementRun run, int page) {
        UUID runId = run.id();
        return new Iterator<>() {
            private List<StatementDocument> buffer = List.of();
            private int index;
            private int afterSeq;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (index < buffer.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                buffer = QuarkusTransaction.requiringNew().call(() -> {
                    List<StatementDocument> out = new ArrayList<>();
                    List<UUID> read = new ArrayList<>();
                    for (StoredStatement s : statements.runPage(runId, afterSeq, page)) {
                        out.add(document(s));
                        read.add(s.accountId());
                        afterSeq = s.seq();
                    }
                    accounts.listed(caller, AuditAction.READ, read, run.practiceId());
                    return out;
                });
                index = 0;
                done = buffer.size() < page;
                return !buffer.isEmpty();
            }

            @Override
            public StatementDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.get(index++);
            }
        };
    }
}
