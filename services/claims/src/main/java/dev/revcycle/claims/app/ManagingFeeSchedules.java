package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.pricing.FeeScheduleVersion;
import dev.revcycle.claims.domain.pricing.ContractedRate;
import dev.revcycle.claims.domain.pricing.FeeScheduleTerms;
import dev.revcycle.claims.store.ContractsRepository;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A payer's fee schedule for a practice, by versions: a PUT with {@code effectiveFrom} makes the whole schedule for
 * services on or after that date (until a later version's date); services before it keep the earlier version's
 * amounts. A second PUT with the same date replaces that version.
 */
@ApplicationScoped
public class ManagingFeeSchedules {
    static final String FEE_SCHEDULE = "Fee schedule";

    @Inject
    ContractsRepository contracts;

    @Inject
    Clock clock;

    /** A version with its rates and the last date it applies to (null: open-ended). */
    public record VersionView(String practiceId, FeeScheduleVersion version, LocalDate effectiveTo,
                              List<ContractedRate> rates) {
    }

    @Transactional
    public VersionView put(Caller caller, String practiceId, UUID payerId, FeeScheduleTerms terms) {
        caller.requirePractice(practiceId, FEE_SCHEDULE);
        Violations.check(terms.violations());
        contracts.putFeeSchedule(practiceId, payerId, terms.effectiveFrom(), terms.rates(), caller.subject(),
                clock.instant());
        return view(practiceId, payerId, contracts.feeVersionOn(practiceId, payerId, terms.effectiveFrom()));
    }

    /** The version in effect on {@code date} (today when null). */
    @Transactional
    public VersionView effectiveOn(Caller caller, String practiceId, UUID payerId, LocalDate date) {
        caller.requirePractice(practiceId, FEE_SCHEDULE);
        LocalDate on = date == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date;
        FeeScheduleVersion v = contracts.feeVersionOn(practiceId, payerId, on);
        if (v == null) {
            throw new NotFound(FEE_SCHEDULE);
        }
        return view(practiceId, payerId, v);
    }

    /** Every version, newest first, without their rates. */
    @Transactional
    public List<FeeScheduleVersion> history(Caller caller, String practiceId, UUID payerId) {
        caller.requirePractice(practiceId, FEE_SCHEDULE);
        List<FeeScheduleVersion> versions = contracts.feeVersions(practiceId, payerId);
        if (versions.isEmpty()) {
            throw new NotFound(FEE_SCHEDULE);
        }
        return versions.subList(0, Math.min(versions.size(), FeeScheduleVersion.MAX_HISTORY));
    }

    private VersionView view(String practiceId, UUID payerId, FeeScheduleVersion v) {
        LocalDate next = contracts.nextFeeVersionStart(practiceId, payerId, v.effectiveFrom());
        return new VersionView(practiceId, v, next == null ? null : next.minusDays(1), contracts.rates(v.id()));
    }
}
