package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.pricing.FeeScheduleVersion;
import dev.revcycle.claims.domain.pricing.ListedUnderpayment;
import dev.revcycle.claims.domain.pricing.UnderpaymentTotal;
import dev.revcycle.claims.domain.pricing.ProcedureKey;
import dev.revcycle.claims.domain.pricing.Underpayment;
import dev.revcycle.claims.domain.pricing.UnderpaymentTolerance;
import dev.revcycle.claims.store.ContractsRepository;
import dev.revcycle.claims.store.UnderpaymentRepository;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks every line of a recorded adjudication against the practice's fee schedule for the claim's payer on the
 * line's date of service: a line allowed below the contracted amount by more than the practice's tolerance is an
 * underpayment, stored at once so that the list is an index scan. Called by the adjudication's use case in its own
 * transaction ({@link #adjudicationRecorded}); a redelivered adjudication finds the same lines and stores nothing
 * more; a later adjudication of the claim (a reversal, a corrected claim's) supersedes what earlier ones found.
 *
 * <p>Not checked: secondary claims (the contract is the primary payer's), self-pay claims, lines allowed 0 (denied:
 * the denials queue has them), lines without a code or a date, payers or codes without a contracted rate.
 */
@ApplicationScoped
public class DetectingUnderpayments {
    @Inject
    UnderpaymentRepository underpayments;

    @Inject
    ContractsRepository contracts;

    @Inject
    Clock clock;

    /** The underpaid lines of the adjudication, as stored (none for a reversal, which only supersedes). */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Underpayment> adjudicationRecorded(UUID adjudicationId) {
        return adjudicationRecorded(adjudicationId, lookups(), true);
    }

    /** Lookups for one batch of adjudications. */
    public Lookups lookups() {
        return new Lookups(contracts, this::tolerance);
    }

    /**
     * The same within a batch of adjudications: {@code lookups} asks the contracts once per batch for each practice's
     * tolerance, each fee schedule version in force on a date and each version's rate of a code; {@code mayHaveCurrent}
     * false (the claim had no current underpayment when the batch began, nor found one in it) skips the superseding.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Underpayment> adjudicationRecorded(UUID adjudicationId, Lookups lookups, boolean mayHaveCurrent) {
        UnderpaymentRepository.Adjudicated a = underpayments.adjudication(adjudicationId);
        if (a == null) {
            throw new IllegalArgumentException("no adjudication " + adjudicationId);
        }
        Instant now = clock.instant();
        if (mayHaveCurrent) {
            underpayments.supersede(a.claimId(), adjudicationId, now);
        }
        if (a.payerId() == null || a.primaryClaimId() != null || "REOPENED".equals(a.outcome())) {
            return List.of();
        }
        UnderpaymentTolerance tolerance = lookups.tolerance(a.practiceId());
        List<Underpayment> found = new ArrayList<>();
        for (UnderpaymentRepository.AdjudicatedLine line : a.lines()) {
            if (line.allowed() == null || line.allowed().signum() <= 0 || line.procedureCode() == null
                    || line.serviceDate() == null) {
                continue;
            }
            FeeScheduleVersion version = lookups.versionOn(a.practiceId(), a.payerId(), line.serviceDate());
            if (version == null) {
                continue;
            }
            ProcedureKey key = new ProcedureKey(line.procedureCode(), line.modifier());
            BigDecimal expected = lookups.rate(version.id(), key);
            if (expected == null || !tolerance.isUnderpaid(expected, line.allowed())) {
                continue;
            }
            found.add(new Underpayment(UUID.randomUUID(), a.practiceId(), a.payerId(), a.claimId(), adjudicationId,
                    line.lineNumber(), key.procedureCode(), key.modifier(), line.serviceDate(), expected,
                    line.allowed(), expected.subtract(line.allowed()), line.paid(), version.id(),
                    tolerance.toleratedBelow(expected), now));
        }
        underpayments.insert(found);
        return found;
    }

    /**
     * What a batch of adjudications asks of the contracts, each asked once (a remittance's claims share a few payers,
     * dates of service and codes): the practice's tolerance, the fee schedule version in force on a date, a version's
     * rate of a code. Not to be kept beyond the batch's transaction: a new fee schedule applies to the next one.
     */
    public static final class Lookups {
        private record VersionKey(String practiceId, UUID payerId, LocalDate date) {
        }

        private record RateKey(UUID versionId, ProcedureKey key) {
        }

        private final Map<String, UnderpaymentTolerance> tolerances = new HashMap<>();
        private final Map<VersionKey, Optional<FeeScheduleVersion>> versions = new HashMap<>();
        private final Map<RateKey, Optional<BigDecimal>> rates = new HashMap<>();
        private final ContractsRepository contracts;
        private final java.util.function.Function<String, UnderpaymentTolerance> tolerance;

        Lookups(ContractsRepository contracts, java.util.function.Function<String, UnderpaymentTolerance> tolerance) {
            this.contracts = contracts;
            this.tolerance = tolerance;
        }

        UnderpaymentTolerance tolerance(String practiceId) {
            return tolerances.computeIfAbsent(practiceId, tolerance);
        }

        FeeScheduleVersion versionOn(String practiceId, UUID payerId, LocalDate date) {
            return versions.computeIfAbsent(new VersionKey(practiceId, payerId, date),
                    k -> Optional.ofNullable(contracts.feeVersionOn(k.practiceId(), k.payerId(), k.date()))).orElse(null);
        }

        BigDecimal rate(UUID versionId, ProcedureKey key) {
            return rates.computeIfAbsent(new RateKey(versionId, key),
                    k -> Optional.ofNullable(contracts.rate(k.versionId(), k.key()))).orElse(null);
        }
    }

    /** The practice's tolerance, or the default. */
    @Transactional
    public UnderpaymentTolerance tolerance(String practiceId) {
        UnderpaymentTolerance t = contracts.tolerance(practiceId);
        return t == null ? UnderpaymentTolerance.DEFAULT : t;
    }

    @Transactional
    public UnderpaymentTolerance tolerance(Caller caller, String practiceId) {
        caller.requirePractice(practiceId, "Practice");
        return tolerance(practiceId);
    }

    /** Sets the practice's tolerance; it applies to adjudications recorded from now on. */
    @Transactional
    public UnderpaymentTolerance setTolerance(Caller caller, String practiceId, UnderpaymentTolerance tolerance) {
        caller.requirePractice(practiceId, "Practice");
        Violations.check(tolerance.violations());
        contracts.putTolerance(practiceId, tolerance, caller.subject(), clock.instant());
        return tolerance(practiceId);
    }

    /** A page of the list and where the next one starts (null: no more). */
    public record Page(List<ListedUnderpayment> items, int size, boolean hasMore, String next) {
    }

    @Transactional
    public Page list(Caller caller, String practiceId, UUID payerId, int size, String after) {
        caller.requirePractice(practiceId, "Practice");
        UnderpaymentRepository.Cursor cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = UnderpaymentRepository.Cursor.decode(after.strip());
            } catch (IllegalArgumentException e) {
                throw Violations.of("after", "is not the next of a previous page");
            }
        }
        List<ListedUnderpayment> rows = underpayments.page(practiceId, payerId, cursor, size + 1);
        boolean more = rows.size() > size;
        List<ListedUnderpayment> items = more ? rows.subList(0, size) : rows;
        String next = more ? new UnderpaymentRepository.Cursor(items.get(size - 1).underpayment().detectedAt(),
                items.get(size - 1).underpayment().id()).encode() : null;
        return new Page(items, size, more, next);
    }

    public static final int MAX_SUMMARY_DAYS = 366;

    @Transactional
    public List<UnderpaymentTotal> summary(Caller caller, String practiceId, LocalDate from, LocalDate to) {
        caller.requirePractice(practiceId, "Practice");
        if (to.isBefore(from)) {
            throw Violations.of("to", "must not be before from");
        }
        if (to.toEpochDay() - from.toEpochDay() >= MAX_SUMMARY_DAYS) {
            throw Violations.of("to", "at most " + MAX_SUMMARY_DAYS + " days of service from from");
        }
        return underpayments.summary(practiceId, from, to);
    }
}
