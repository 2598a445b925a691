package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.AgingBucket;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A practice's A/R aging at a day: patient and insurance balances in 0–30, 31–60, 61–90, 91–120 and 120+ day
 * buckets by each account's oldest open date of service. Read from aging_day (one row per date, kept with
 * every account change), so it costs the same for a hundred accounts and for a million. A future day shows
 * what today's balances will be by then.
 */
@ApplicationScoped
public class Aging {
    @Inject
    AccountStore accounts;

    @Inject
    Clock clock;

    public record Sums(long accounts, long patientAccounts, long insuranceAccounts, BigDecimal patientBalance,
                       BigDecimal insuranceBalance, BigDecimal total) {
        static final Sums ZERO = new Sums(0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2));

        Sums plus(AccountStore.AgingRow r) {
            BigDecimal p = patientBalance.add(r.patientBalance());
            BigDecimal i = insuranceBalance.add(r.insuranceBalance());
            return new Sums(accounts + r.accounts(), patientAccounts + r.patientAccounts(),
                    insuranceAccounts + r.insuranceAccounts(), p, i, p.add(i));
        }

        Sums plus(Sums o) {
            return new Sums(accounts + o.accounts, patientAccounts + o.patientAccounts, insuranceAccounts + o.insuranceAccounts,
                    patientBalance.add(o.patientBalance), insuranceBalance.add(o.insuranceBalance), total.add(o.total));
        }
    }

    public record Bucket(AgingBucket bucket, Sums sums) {
    }

    /** {@code undated}: open balances without a date of service (not in any bucket, in the totals). */
    public record Report(String practiceId, LocalDate asOf, List<Bucket> buckets, Sums undated, Sums totals) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report of(Caller caller, String practiceId, LocalDate asOf) {
        caller.requirePractice(practiceId, "Practice");
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Sums[] sums = new Sums[AgingBucket.values().length];
        java.util.Arrays.fill(sums, Sums.ZERO);
        Sums undated = Sums.ZERO;
        for (AccountStore.AgingRow r : accounts.aging(practiceId, day)) {
            if (r.bucket() < 0) {
                undated = undated.plus(r);
            } else {
                sums[r.bucket()] = sums[r.bucket()].plus(r);
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        Sums totals = undated;
        for (AgingBucket b : AgingBucket.values()) {
            buckets.add(new Bucket(b, sums[b.ordinal()]));
            totals = totals.plus(sums[b.ordinal()]);
        }
        return new Report(practiceId, day, buckets, undated, totals);
    }
}
