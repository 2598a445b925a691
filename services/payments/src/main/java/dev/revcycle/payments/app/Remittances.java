package dev.revcycle.payments.app;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.payments.RemittanceAdjustment;
import dev.revcycle.contracts.payments.RemittanceLine;
import dev.revcycle.contracts.payments.RemittancePosted;
import dev.revcycle.payments.app.RemittanceViews.Applied;
import dev.revcycle.payments.app.RemittanceViews.ClaimResult;
import dev.revcycle.payments.app.RemittanceViews.ProviderAdjustmentView;
import dev.revcycle.payments.app.RemittanceViews.RemittanceDetail;
import dev.revcycle.payments.app.RemittanceViews.RemittanceSummary;
import dev.revcycle.payments.app.RemittanceViews.UnappliedPage;
import dev.revcycle.payments.app.RemittanceViews.UnappliedView;
import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.PostedEntry;
import dev.revcycle.payments.domain.remittance.CasAdjustment;
import dev.revcycle.payments.domain.remittance.ClaimPosting;
import dev.revcycle.payments.domain.remittance.ClaimPosting.Outcome;
import dev.revcycle.payments.domain.remittance.EarlierEntry;
import dev.revcycle.payments.domain.remittance.MatchedClaim;
import dev.revcycle.payments.domain.remittance.ProviderAdjustment;
import dev.revcycle.payments.domain.remittance.Remittance;
import dev.revcycle.payments.domain.remittance.RemittanceBalance;
import dev.revcycle.payments.domain.remittance.RemittanceClaim;
import dev.revcycle.payments.domain.remittance.RemittancePostingPlan;
import dev.revcycle.payments.domain.remittance.ServiceLine;
import dev.revcycle.payments.store.ClaimStore;
import dev.revcycle.payments.store.ClaimStore.KnownClaim;
import dev.revcycle.payments.store.CoverageStore.KnownCoverage;
import dev.revcycle.payments.store.LedgerStore;
import dev.revcycle.payments.store.RemittanceStore;
import dev.revcycle.payments.store.RemittanceStore.ClaimRow;
import dev.revcycle.payments.store.RemittanceStore.LineRow;
import dev.revcycle.payments.store.RemittanceStore.PlbRow;
import dev.revcycle.payments.store.RemittanceStore.StoredRemittance;
import dev.revcycle.payments.store.RemittanceStore.UnappliedRow;
import dev.revcycle.payments.x12.Remittance835Exception;
import dev.revcycle.payments.x12.Remittance835Reader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * 835 ERA posting: read → balance → (payer TRN03, trace TRN02) claimed once → CLP01 matched to the practice's
 * claims → {@link RemittancePostingPlan} → {@link Posting#postParts} per account (in account id order, one lock
 * and one version each) → one {@code RemittancePosted} per matched CLP; unmatched CLPs (and matched ones not
 * posted automatically that carry money) go to the unapplied-cash queue; PLB to the practice's provider-level
 * books. The whole file is one transaction: it posts completely or not at all.
 */
@ApplicationScoped
public class Remittances {
    public static final Reason UNREADABLE = new Reason("remittance-unreadable", "The 835 cannot be read");
    public static final Reason SEVERAL = new Reason("remittance-several-transactions",
            "Post one 835 transaction per request");
    public static final Reason NOT_POSTABLE = new Reason("unapplied-not-postable",
            "The remittance claim cannot be posted automatically");
    public static final Reason ALREADY_APPLIED = new Reason("unapplied-already-applied", "The item was applied already");
    /** The practice of a mailbox file whose claims match no practice's: its items are for admins. */
    public static final String NO_PRACTICE = "";
    static final int MAX_WARNINGS = 200;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    RemittanceStore store;

    @Inject
    LedgerStore ledger;

    @Inject
    ClaimStore claims;

    @Inject
    Posting posting;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A remittance as answered, and whether it is the answer of an earlier posting of the same (payer, trace). */
    public record Received(RemittanceSummary summary, boolean replay) {
    }

    /** One CLP with what it matched and its plan (both null when unmatched). */
    private record Planned(RemittanceClaim clp, KnownClaim claim, ClaimPosting plan) {
    }

    /**
     * Reads an interchange's 835 transactions: 422 {@code remittance-unreadable} naming the segment when it cannot
     * be read — never another failure.
     */
    public static List<Remittance> read(String x12) {
        if (x12 == null || x12.isBlank()) {
            throw new Unprocessable(UNREADABLE, "Nothing was posted: the body is empty; an 835 interchange is required");
        }
        try {
            return new Remittance835Reader().read(x12);
        } catch (Remittance835Exception e) {
            throw new Unprocessable(UNREADABLE, "Nothing was posted: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Unprocessable(UNREADABLE, "Nothing was posted: the text is not a readable 835 interchange");
        }
    }

    /**
     * {@code POST /remittances}: one 835 transaction for one practice (the token's only practice when not given).
     * Read and balanced before anything is written.
     */
    public Received receive(Caller caller, String practiceId, String x12) {
        String practice = practiceId;
        if (practice == null || practice.isBlank()) {
            if (caller.practices().size() != 1) {
                throw Violations.of("practiceId", "is required when the token names more than one practice");
            }
            practice = caller.practices().iterator().next();
        }
        caller.requirePractice(practice, "Practice");
        List<Remittance> all = read(x12);
        if (all.size() != 1) {
            throw new Unprocessable(SEVERAL, "Nothing was posted: the interchange holds " + all.size()
                    + " 835 transactions; post them one per request");
        }
        Remittance remittance = all.get(0);
        RemittanceBalance.check(remittance);
        Received received = post(remittance, practice, "API", null, caller.subject());
        if (!visible(caller, received.summary().practiceId())) {
            throw new NotFound("Remittance"); // the same trace was posted for a practice the caller does not see
        }
        return received;
    }

    /**
     * Posts one balanced 835 transaction. {@code practiceId} null (the mailbox): the practice is the one most of
     * the file's CLPs match a claim of (ties: the first practice id in order); none → {@link #NO_PRACTICE}, every
     * claim to unapplied cash. Claims of other practices are not this file's (unapplied).
     */
    @Transactional
    public Received post(Remittance r, String practiceId, String source, String sourceReference, String actor) {
        Instant now = clock.instant();
        Set<String> pcns = new LinkedHashSet<>();
        r.claims().forEach(c -> pcns.add(c.patientControlNumber()));
        List<KnownClaim> found = store.claimsByPatientControlNumbers(practiceId, pcns);
        String practice = practiceId != null ? practiceId : practiceOf(r, found);
        Map<String, KnownClaim> byPcn = choose(found, practice);

        UUID id = UUID.randomUUID();
        if (!store.insert(new StoredRemittance(id, practice, r.payerId(), r.traceNumber(), r.payerName(),
                r.paymentAmount(), r.paymentDate(), source, sourceReference, actor, now, null))) {
            StoredRemittance first = store.findByTrace(r.payerId(), r.traceNumber()).orElseThrow();
            return new Received(RemittanceStore.read(first.answer(), RemittanceSummary.class), true);
        }
        LocalDate paid = r.paymentDate();
        Set<UUID> claimIds = new HashSet<>();
        Set<UUID> patients = new HashSet<>();
        Set<UUID> reversed = new HashSet<>();
        for (RemittanceClaim clp : r.claims()) {
            KnownClaim k = byPcn.get(clp.patientControlNumber());
            if (k != null) {
                claimIds.add(k.id());
                patients.add(k.patientId());
                if (clp.reversal()) {
                    reversed.add(k.id());
                }
            }
        }
        Map<UUID, List<LineRow>> lines = store.lines(claimIds);
        Map<UUID, List<KnownCoverage>> coverages = practice.isEmpty() ? Map.of() : store.coverages(practice, patients);
        Map<UUID, List<PostedEntry>> earlier = ledger.remittanceEntriesOfClaims(reversed);
        Set<UUID> takenBack = new HashSet<>();
        List<Planned> planned = new ArrayList<>(r.claims().size());
        for (RemittanceClaim clp : r.claims()) {
            KnownClaim k = byPcn.get(clp.patientControlNumber());
            if (k == null) {
                planned.add(new Planned(clp, null, null));
                continue;
            }
            ClaimPosting plan = plan(clp, k, lines.getOrDefault(k.id(), List.of()),
                    coverages.getOrDefault(k.patientId(), List.of()), r.payerId(),
                    clp.reversal() ? earlier(earlier.get(k.id()), takenBack) : List.of(), paid, id);
            takenBack.addAll(plan.reversals());
            planned.add(new Planned(clp, k, plan));
        }

        // post: per account in id order (no deadlock with another file), each CLP one part
        Map<UUID, List<Integer>> byAccount = new TreeMap<>();
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).claim() != null) {
                byAccount.computeIfAbsent(planned.get(i).claim().accountId(), a -> new ArrayList<>()).add(i);
            }
        }
        List<List<PostedEntry>> postedOf = new ArrayList<>(java.util.Collections.nCopies(planned.size(), List.of()));
        Map<Integer, Account> accountOf = new HashMap<>();
        for (Map.Entry<UUID, List<Integer>> account : byAccount.entrySet()) {
            List<Posting.Part> parts = new ArrayList<>();
            for (int i : account.getValue()) {
                ClaimPosting plan = planned.get(i).plan();
                parts.add(new Posting.Part(plan.reversals(), plan.entries()));
            }
            Posting.Posted done = posting.postParts(account.getKey(), parts, EntrySource.REMITTANCE, id.toString(), paid,
                    actor);
            for (int j = 0; j < account.getValue().size(); j++) {
                int i = account.getValue().get(j);
                postedOf.set(i, done.parts().get(j));
                accountOf.put(i, done.account());
            }
        }

        // results, unapplied cash, events
        List<ClaimRow> rows = new ArrayList<>(planned.size());
        List<UnappliedRow> unapplied = new ArrayList<>();
        List<String> warnings = new ArrayList<>(r.warnings());
        int posted = 0;
        int unmatched = 0;
        int notPosted = 0;
        int denials = 0;
        int reversals = 0;
        BigDecimal paidTotal = ZERO;
        BigDecimal adjustments = ZERO;
        BigDecimal pr = ZERO;
        BigDecimal transferred = ZERO;
        BigDecimal unappliedTotal = ZERO;
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            RemittanceClaim clp = p.clp();
            UUID unappliedId = null;
            String reason = null;
            if (p.claim() == null) {
                unmatched++;
                reason = practice.isEmpty() ? "no practice has a claim with this patient control number (CLP01)"
                        : "no claim of the practice has this patient control number (CLP01)";
            } else if (p.plan().outcome() == Outcome.NOT_POSTED) {
                notPosted++;
                if (clp.paid().signum() != 0) {
                    reason = "not posted automatically: " + String.join("; ", p.plan().warnings());
                }
            } else {
                posted++;
                denials += p.plan().outcome() == Outcome.DENIED ? 1 : 0;
                reversals += p.plan().outcome() == Outcome.REVERSED ? 1 : 0;
                paidTotal = paidTotal.add(clp.paid());
                adjustments = adjustments.add(p.plan().adjustments());
                pr = pr.add(p.plan().patientResponsibility());
                for (PostedEntry e : postedOf.get(i)) {
                    transferred = transferred.add(e.patientDelta());
                }
            }
            if (reason != null) {
                unappliedId = UUID.randomUUID();
                unappliedTotal = unappliedTotal.add(clp.paid());
                unapplied.add(new UnappliedRow(unappliedId, id, clp.position(), practice, r.payerId(), r.payerName(),
                        r.traceNumber(), clp.paid(), clp.patientControlNumber(), clp.payerClaimControlNumber(),
                        clp.statusCode(), reason, paid, RemittanceStore.json(clp), now, null, null, null, null));
            }
            ClaimResult result = p.claim() == null ? unmatchedResult(clp, unappliedId)
                    : result(clp, p.claim(), p.plan(), postedOf.get(i), unappliedId);
            if (p.claim() != null) {
                Account after = accountOf.get(i);
                publish(after, id, r, clp, p.claim(), p.plan());
            }
            for (String w : result.warnings()) {
                warnings.add("claim at segment " + clp.position() + ": " + w);
            }
            rows.add(new ClaimRow(clp.position(), clp.patientControlNumber(), clp.payerClaimControlNumber(),
                    clp.statusCode(), result.claimId(), result.accountId(), result.outcome(), unappliedId, result));
        }
        store.insertClaims(id, rows);
        store.insertUnapplied(unapplied);
        List<PlbRow> plb = new ArrayList<>();
        for (ProviderAdjustment a : r.providerAdjustments()) {
            LocalDate effective = practice.isEmpty() ? paid : posting.dated(practice, EntrySource.REMITTANCE, paid);
            plb.add(new PlbRow(UUID.randomUUID(), id, practice, a.providerId(), a.fiscalPeriod(), a.reasonCode(),
                    a.reference(), a.amount(), effective, now));
        }
        store.insertPlb(plb);
        if (warnings.size() > MAX_WARNINGS) {
            int more = warnings.size() - MAX_WARNINGS;
            warnings = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
            warnings.add("… and " + more + " more warning(s): see the claims' results");
        }
        RemittanceSummary summary = new RemittanceSummary(id, practice, r.payerName(), r.payerId(), r.traceNumber(),
                r.paymentAmount(), paid, r.claims().size(), posted, unmatched, notPosted, denials, reversals, paidTotal,
                adjustments, pr, transferred, unappliedTotal, r.providerAdjustmentTotal(),
                plb.stream().map(Remittances::view).toList(), warnings, source, now);
        store.setAnswer(id, summary);
        return new Received(summary, false);
    }

    /** {@code GET /remittances/{id}}: the answer and a page of per-claim results. */
    @Transactional
    public RemittanceDetail get(Caller caller, UUID id, int page, int size) {
        StoredRemittance r = store.find(id).filter(x -> visible(caller, x.practiceId()))
                .orElseThrow(() -> new NotFound("Remittance"));
        RemittanceSummary summary = RemittanceStore.read(r.answer(), RemittanceSummary.class);
        return new RemittanceDetail(summary, store.claims(id, size, page * size, ClaimResult.class), page, size,
                store.countClaims(id));
    }

    /**
     * {@code GET /unapplied}: open items of one practice (the token's only one when not given); {@code unassigned}
     * (admins): the items of mailbox files that matched no practice.
     */
    @Transactional
    public UnappliedPage unapplied(Caller caller, String practiceId, boolean unassigned, String traceNumber,
                                   String payerId, int page, int size) {
        String practice;
        if (unassigned) {
            if (!caller.hasRole(Roles.ADMIN)) {
                throw Violations.of("unassigned", "is for admins");
            }
            practice = NO_PRACTICE;
        } else if (practiceId == null || practiceId.isBlank()) {
            if (caller.practices().size() != 1) {
                throw Violations.of("practiceId", "is required when the token names more than one practice");
            }
            practice = caller.practices().iterator().next();
        } else {
            practice = practiceId;
        }
        if (!visible(caller, practice)) {
            return new UnappliedPage(List.of(), page, size, false);
        }
        List<UnappliedRow> rows = store.unapplied(practice, blankToNull(traceNumber), blankToNull(payerId), size + 1,
                page * size);
        boolean more = rows.size() > size;
        return new UnappliedPage(rows.stream().limit(size).map(Remittances::view).toList(), page, size, more);
    }

    /**
     * {@code POST /unapplied/{id}/apply}: posts the item's CLP as the remittance of that claim of that account,
     * once (again → 409). An account (or item) of a practice the caller does not see → 404.
     */
    @Transactional
    public Applied apply(Caller caller, UUID id, UUID accountId, UUID claimId, String actor) {
        Violations.required("accountId", accountId);
        Violations.required("claimId", claimId);
        UnappliedRow item = store.lockUnapplied(id).filter(u -> visible(caller, u.practiceId()))
                .orElseThrow(() -> new NotFound("Unapplied item"));
        Account account = ledger.find(accountId).filter(a -> caller.canSee(a.practiceId()))
                .filter(a -> item.practiceId().isEmpty() || item.practiceId().equals(a.practiceId()))
                .orElseThrow(() -> new NotFound("Account"));
        KnownClaim claim = claims.find(claimId).filter(k -> k.accountId().equals(account.id()))
                .orElseThrow(() -> new NotFound("Claim"));
        if (item.appliedAt() != null) {
            throw new Conflict(ALREADY_APPLIED, "The unapplied item was applied on " + item.appliedAt()
                    + " to claim " + item.appliedClaimId(), Map.of("appliedClaimId", item.appliedClaimId()));
        }
        StoredRemittance remittance = store.find(item.remittanceId()).orElseThrow();
        RemittanceClaim clp = RemittanceStore.read(item.clp(), RemittanceClaim.class);
        Map<UUID, List<LineRow>> lines = store.lines(Set.of(claim.id()));
        Map<UUID, List<KnownCoverage>> coverages = store.coverages(account.practiceId(), Set.of(claim.patientId()));
        List<EarlierEntry> earlier = clp.reversal()
                ? earlier(ledger.remittanceEntriesOfClaims(Set.of(claim.id())).get(claim.id()), Set.of()) : List.of();
        ClaimPosting plan = plan(clp, claim, lines.getOrDefault(claim.id(), List.of()),
                coverages.getOrDefault(claim.patientId(), List.of()), remittance.payerId(), earlier,
                item.paidDate(), remittance.id());
        if (plan.outcome() == Outcome.NOT_POSTED) {
            throw new Unprocessable(NOT_POSTABLE, "Nothing was posted: " + String.join("; ", plan.warnings()),
                    Map.of("warnings", plan.warnings()));
        }
        Posting.Posted done = posting.postParts(account.id(), List.of(new Posting.Part(plan.reversals(), plan.entries())),
                EntrySource.REMITTANCE, remittance.id().toString(), item.paidDate(), actor);
        Instant now = clock.instant();
        if (!store.markApplied(id, now, actor, account.id(), claim.id())) {
            throw new Conflict(ALREADY_APPLIED, "The unapplied item was applied already");
        }
        Remittance header = new Remittance(remittance.payerName(), remittance.payerId(), remittance.traceNumber(),
                remittance.paymentAmount(), item.paidDate(), null, null, List.of(), List.of(), List.of());
        publish(done.account(), remittance.id(), header, clp, claim, plan);
        ClaimResult result = result(clp, claim, plan, done.parts().get(0), id);
        store.updateClaim(remittance.id(), clp.position(), result.outcome(), claim.id(), account.id(), result);
        UnappliedRow after = new UnappliedRow(item.id(), item.remittanceId(), item.position(), item.practiceId(),
                item.payerId(), item.payerName(), item.traceNumber(), item.amount(), item.patientControlNumber(),
                item.payerClaimControlNumber(), item.statusCode(), item.reason(), item.paidDate(), item.clp(),
                item.createdAt(), now, actor, account.id(), claim.id());
        return new Applied(view(after), result);
    }

    private ClaimPosting plan(RemittanceClaim clp, KnownClaim k, List<LineRow> lines, List<KnownCoverage> coverages,
                              String payerId, List<EarlierEntry> earlier, LocalDate paid, UUID remittanceId) {
        MatchedClaim matched = new MatchedClaim(k.accountId(), k.id(), lines.stream()
                .map(l -> new MatchedClaim.Line(l.lineId(), l.number(), "", l.procedureCode(), l.serviceDate())).toList());
        LocalDate serviceDate = clp.serviceDate();
        if (serviceDate == null) {
            serviceDate = clp.lines().stream().map(ServiceLine::serviceDate).filter(d -> d != null).findFirst()
                    .orElse(k.firstServiceDate() != null ? k.firstServiceDate() : paid);
        }
        boolean next = lowerPriorityActive(coverages, paidBy(clp.statusCode(), payerId), serviceDate);
        return RemittancePostingPlan.plan(clp, matched, next, earlier, paid, remittanceId.toString());
    }

    /** Who paid, as the "next payer" rule takes it: CLP02 1/19 primary, 2/20 secondary, 3/21 tertiary, else the payer. */
    static String paidBy(String status, String payerId) {
        return switch (status) {
            case "1", "19" -> "PRIMARY";
            case "2", "20" -> "SECONDARY";
            case "3", "21" -> "TERTIARY";
            default -> payerId;
        };
    }

    /** {@link Coverages#hasLowerPriorityActiveCoverage} over coverages read for the whole file at once. */
    static boolean lowerPriorityActive(List<KnownCoverage> coverages, String paidBy, LocalDate day) {
        int paid = Coverages.rank(paidBy);
        if (paid < 0) {
            paid = coverages.stream().filter(c -> paidBy != null && paidBy.equals(c.x12PayerId()) && c.activeOn(day))
                    .mapToInt(c -> Coverages.rank(c.priority())).min().orElse(0);
        }
        int paidRank = paid;
        return coverages.stream().anyMatch(c -> c.activeOn(day) && Coverages.rank(c.priority()) > paidRank);
    }

    private static List<EarlierEntry> earlier(List<PostedEntry> entries, Set<UUID> takenBack) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream().filter(e -> !takenBack.contains(e.id()))
                .map(e -> new EarlierEntry(e.id(), new PlannedEntry(e.type(), e.amount(), e.responsibility(), e.claimId(),
                        e.claimLineId(), e.reason(), e.source(), e.sourceReference(), e.effectiveDate())))
                .toList();
    }

    /** The practice most CLPs match a claim of (ties: the first id in order); none → {@link #NO_PRACTICE}. */
    static String practiceOf(Remittance r, List<KnownClaim> found) {
        Map<String, Set<String>> pcnsOfPractice = new TreeMap<>();
        for (KnownClaim k : found) {
            pcnsOfPractice.computeIfAbsent(k.practiceId(), p -> new HashSet<>()).add(k.patientControlNumber());
        }
        String best = NO_PRACTICE;
        long bestCount = 0;
        for (Map.Entry<String, Set<String>> e : pcnsOfPractice.entrySet()) {
            long n = r.claims().stream().filter(c -> e.getValue().contains(c.patientControlNumber())).count();
            if (n > bestCount) {
                best = e.getKey();
                bestCount = n;
            }
        }
        return best;
    }

    /** Per CLP01, the practice's claim: the original one (not made from another) first, then the lowest id. */
    static Map<String, KnownClaim> choose(List<KnownClaim> found, String practice) {
        Map<String, KnownClaim> out = new HashMap<>();
        Comparator<KnownClaim> order = Comparator.comparing(KnownClaim::madeFromAnother).thenComparing(KnownClaim::id);
        for (KnownClaim k : found) {
            if (!k.practiceId().equals(practice)) {
                continue;
            }
            out.merge(k.patientControlNumber(), k, (a, b) -> order.compare(a, b) <= 0 ? a : b);
        }
        return out;
    }

    private void publish(Account after, UUID remittanceId, Remittance r, RemittanceClaim clp, KnownClaim k,
                         ClaimPosting plan) {
        String claimRemark = clp.remarkCodes().isEmpty() ? null : clp.remarkCodes().get(0);
        List<RemittanceLine> lines = plan.lines().stream().map(l -> new RemittanceLine(l.claimLineId(), l.number(),
                l.procedureCode(), l.charged(), l.paid(), l.allowed(),
                adjustments(l.adjustments(), l.remarkCodes().isEmpty() ? claimRemark : l.remarkCodes().get(0)),
                l.patientResponsibility())).toList();
        BigDecimal pr = clp.patientResponsibility() != null ? clp.patientResponsibility() : plan.patientResponsibility();
        outbox.publish(Topics.PAYMENTS, EventTypes.REMITTANCE_POSTED, after.id().toString(), new RemittancePosted(
                remittanceId, r.traceNumber(), r.payerId(), after.id(), after.patientId(), after.practiceId(), k.id(),
                clp.patientControlNumber(), clp.statusCode(), r.paymentDate(), blankToNull(clp.payerClaimControlNumber()),
                clp.charged(), clp.paid(), pr, adjustments(clp.adjustments(), claimRemark), lines, after.version()));
    }

    private static List<RemittanceAdjustment> adjustments(List<CasAdjustment> cas, String remark) {
        return cas.stream().map(a -> new RemittanceAdjustment(a.group(), a.carc(), remark, a.amount())).toList();
    }

    private static ClaimResult result(RemittanceClaim clp, KnownClaim k, ClaimPosting plan, List<PostedEntry> posted,
                                      UUID unappliedId) {
        return new ClaimResult(clp.position(), clp.patientControlNumber(), clp.payerClaimControlNumber(),
                clp.statusCode(), plan.outcome().name(), k.id(), k.accountId(), clp.charged(), clp.paid(),
                plan.adjustments(), plan.patientResponsibility(), plan.patientResponsibilityKept(), clp.adjustments(),
                plan.lines(), unappliedId, posted.stream().map(PostedEntry::id).toList(), plan.warnings());
    }

    private static ClaimResult unmatchedResult(RemittanceClaim clp, UUID unappliedId) {
        List<ClaimPosting.LineResult> lines = clp.lines().stream().map(l -> new ClaimPosting.LineResult(l.number(), null,
                l.procedureCode(), l.charged(), l.paid(), l.allowed(), patientTotal(l.adjustments()), l.adjustments(),
                l.remarkCodes())).toList();
        BigDecimal pr = patientTotal(clp.adjustments());
        for (ServiceLine l : clp.lines()) {
            pr = pr.add(patientTotal(l.adjustments()));
        }
        return new ClaimResult(clp.position(), clp.patientControlNumber(), clp.payerClaimControlNumber(),
                clp.statusCode(), "UNMATCHED", null, null, clp.charged(), clp.paid(), ZERO, pr, false, clp.adjustments(),
                lines, unappliedId, List.of(), List.of());
    }

    private static BigDecimal patientTotal(List<CasAdjustment> cas) {
        return cas.stream().filter(CasAdjustment::patientResponsibility).map(CasAdjustment::amount)
                .reduce(ZERO, BigDecimal::add);
    }

    private static ProviderAdjustmentView view(PlbRow p) {
        return new ProviderAdjustmentView(p.providerId(), p.fiscalPeriod(), p.reasonCode(), p.reference(), p.amount(),
                p.effectiveDate());
    }

    private static UnappliedView view(UnappliedRow u) {
        return new UnappliedView(u.id(), u.practiceId(), u.remittanceId(), u.payerName(), u.payerId(), u.traceNumber(),
                u.amount(), u.patientControlNumber(), u.payerClaimControlNumber(), u.statusCode(), u.reason(),
                u.paidDate(), u.createdAt(), u.appliedAt() == null ? "OPEN" : "APPLIED", u.appliedAt(),
                u.appliedAccountId(), u.appliedClaimId());
    }

    static boolean visible(Caller caller, String practiceId) {
        return caller.canSee(practiceId) || (NO_PRACTICE.equals(practiceId) && caller.hasRole(Roles.ADMIN));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
