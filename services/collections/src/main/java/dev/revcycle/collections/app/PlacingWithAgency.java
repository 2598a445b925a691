package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.PlacementRule;
import dev.revcycle.collections.events.CollectionEvents;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.KpiStore;
import dev.revcycle.collections.store.PlacementStore;
import dev.revcycle.collections.domain.PlacementBatch;
import dev.revcycle.collections.store.PlacementStore.Candidate;
import dev.revcycle.collections.store.PlacementStore.NewPlacement;
import dev.revcycle.collections.store.StatementStore;
import dev.revcycle.collections.store.WriteOffStore;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.contracts.collections.AccountPlacedWithAgency;
import dev.revcycle.contracts.collections.AccountRecalled;
import dev.revcycle.contracts.payments.WriteOffRequested;
import dev.revcycle.contracts.payments.WriteOffReversalRequested;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agency placement: the practice's accounts that {@link PlacementRule} picks on a date go to its agency in one
 * batch (its CSV file), each with {@code AccountPlacedWithAgency} and a BAD_DEBT {@code WriteOffRequested} of the
 * placed balance (the practice's books stop counting it as A/R; what the agency recovers comes back as AGENCY
 * payments, which payments posts as RECOVERY). A recall asks payments to reverse that write-off.
 */
@ApplicationScoped
public class PlacingWithAgency {
    public static final Reason NO_AGENCY = new Reason("no-agency", "The practice's policy names no collection agency");
    public static final Reason NOT_PLACED = new Reason("account-not-placed", "The account is not placed with an agency");
    static final RecordType BATCH = new RecordType("placement-batch", "Placement");

    @Inject
    PlacementStore placements;

    @Inject
    StatementStore statements;

    @Inject
    WriteOffStore writeOffs;

    @Inject
    AccountStore accounts;

    @Inject
    Accounts accountReads;

    @Inject
    RecordAccess access;

    @Inject
    CollectionEvents events;

    @Inject
    Policies policies;

    @Inject
    KpiStore kpis;

    @Inject
    Clock clock;

    public record Placed(PlacementBatch batch, boolean created) {
    }

    @Transactional
    public Placed place(Caller caller, String practiceId, LocalDate asOf) {
        PracticeDate.require(practiceId, asOf);
        caller.requirePractice(practiceId, "Practice");
        var existing = placements.batch(practiceId, asOf);
        if (existing.isPresent()) {
            return new Placed(existing.get(), false);
        }
        CollectionPolicy policy = policies.effective(practiceId);
        if (policy.agency() == null) {
            throw new Unprocessable(NO_AGENCY, "Set the agency in the practice's policy first");
        }
        PlacementRule rule = new PlacementRule(policy.placementAfterDays(), policy.minimumPlacementBalance());
        UUID batchId = UUID.randomUUID();
        Instant now = clock.instant();
        if (!placements.insertBatch(batchId, practiceId, asOf, policy.agency().id(), policy.agency().name(), caller.subject(), now)) {
            return new Placed(placements.batch(practiceId, asOf).orElseThrow(), false);
        }
        List<NewPlacement> placed = new ArrayList<>();
        List<WriteOffStore.Request> badDebt = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int seq = 0;
        for (Candidate c : placements.candidates(practiceId, policy.minimumPlacementBalance(),
                asOf.minusDays(policy.placementAfterDays()), asOf)) {
            if (!rule.eligible(c.facts(), asOf)) {
                continue;
            }
            UUID writeOff = UUID.randomUUID();
            placed.add(new NewPlacement(UUID.randomUUID(), batchId, ++seq, c.accountId(), practiceId, c.patientId(),
                    policy.agency().id(), c.facts().patientBalance(), asOf, c.facts().firstStatementOn(), c.oldestServiceDate(),
                    writeOff));
            badDebt.add(new WriteOffStore.Request(writeOff, c.accountId(), practiceId, "BAD_DEBT", c.facts().patientBalance(), 0,
                    "Placed with the collection agency", now, "PLACEMENT", batchId, caller.subject()));
            total = total.add(c.facts().patientBalance());
        }
        placements.insert(placed);
        writeOffs.insert(badDebt);
        Map<UUID, Long> versions = statements.bumpVersions(placed.stream().map(NewPlacement::accountId).toArray(UUID[]::new));
        for (int i = 0; i < placed.size(); i++) {
            NewPlacement p = placed.get(i);
            WriteOffStore.Request w = badDebt.get(i);
            events.placed(new AccountPlacedWithAgency(p.id(), batchId, p.accountId(), practiceId, p.agencyId(),
                    policy.agency().name(), p.amount(), asOf, w.id(), versions.get(p.accountId())));
            events.writeOffRequested(new WriteOffRequested(w.id(), w.accountId(), practiceId, w.amount(), w.kind(), w.reason(),
                    now, 1));
        }
        placements.totals(batchId, placed.size(), total);
        if (total.signum() != 0) {
            kpis.addPlaced(practiceId, asOf, total);
        }
        return new Placed(placements.batch(batchId).orElseThrow(), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlacementBatch batch(Caller caller, UUID id) {
        return access.require(caller, AuditAction.READ, BATCH, id, placements.batch(id).orElse(null), PlacementBatch::practiceId);
    }

    /**
     * Writes the batch's file (a page of rows per query; the caller's transaction spans it). Each page's accounts are
     * written to the PHI audit in a transaction of their own before the page goes out, so a file cut off half-way
     * still leaves the reads of what was sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void file(Caller caller, PlacementBatch batch, Writer out) {
        CollectionPolicy.Agency agency = policies.effective(batch.practiceId()).agency();
        placements.writeFile(batch, agency == null ? batch.practiceId() : agency.id(), out, 500, page ->
                QuarkusTransaction.requiringNew().run(() -> accountReads.listed(caller, AuditAction.READ, page, batch.practiceId())));
    }

    public record Recalled(UUID placementId, UUID accountId, UUID writeOffReversalRequestId, LocalDate recalledOn) {
    }

    @Transactional
    public Recalled recall(Caller caller, UUID accountId, String reason) {
        Violations.required("reason", reason == null || reason.isBlank() ? null : reason);
        if (reason.length() > 500) {
            throw Violations.of("reason", "must be at most 500 characters");
        }
        Account account = accounts.lock(accountId).orElseThrow(() -> new NotFound("Account"));
        caller.requirePractice(account.practiceId(), "Account");
        PlacementStore.Active active = placements.activeOf(accountId)
                .orElseThrow(() -> new Conflict(NOT_PLACED, "The account has no active placement"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        placements.recall(active.id(), now, today, reason, caller.subject());
        UUID reversal = null;
        if (active.writeOffRequestId() != null) {
            reversal = UUID.randomUUID();
            if (writeOffs.reverse(active.writeOffRequestId(), reversal)) {
                events.writeOffReversalRequested(new WriteOffReversalRequested(reversal, active.writeOffRequestId(), accountId,
                        "Recalled from the collection agency", 1));
            } else {
                reversal = null;
            }
        }
        events.recalled(new AccountRecalled(active.id(), accountId, account.practiceId(), active.agencyId(), reason, today,
                reversal, events.nextVersion(accountId)));
        return new Recalled(active.id(), accountId, reversal, today);
    }
}
