package dev.revcycle.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One account's part (or a change of parts) of its practice's aging at one oldest open date of service. */
public record AgingContribution(LocalDate serviceDate, int accounts, int patientAccounts, int insuranceAccounts,
                                BigDecimal patientBalance, BigDecimal insuranceBalance) {

    public AgingContribution negate() {
        return new AgingContribution(serviceDate, -accounts, -patientAccounts, -insuranceAccounts,
                patientBalance.negate(), insuranceBalance.negate());
    }

    public boolean isZero() {
        return accounts == 0 && patientAccounts == 0 && insuranceAccounts == 0 && patientBalance.signum() == 0
                && insuranceBalance.signum() == 0;
    }

    /**
     * The changes to the aging when an account goes from {@code before} to {@code after} (either may be null:
     * nothing owed), one per date, in date order (so concurrent writers lock the rows in one order).
     */
    public static List<AgingContribution> change(AgingContribution before, AgingContribution after) {
        Map<LocalDate, AgingContribution> byDate = new LinkedHashMap<>();
        if (before != null) {
            byDate.merge(before.serviceDate, before.negate(), AgingContribution::plus);
        }
        if (after != null) {
            byDate.merge(after.serviceDate, after, AgingContribution::plus);
        }
        List<AgingContribution> out = new ArrayList<>();
        byDate.values().stream().filter(c -> !c.isZero())
                .sorted(java.util.Comparator.comparing(AgingContribution::serviceDate)).forEach(out::add);
        return out;
    }

    public AgingContribution plus(AgingContribution o) {
        return new AgingContribution(serviceDate, accounts + o.accounts, patientAccounts + o.patientAccounts,
                insuranceAccounts + o.insuranceAccounts, patientBalance.add(o.patientBalance),
                insuranceBalance.add(o.insuranceBalance));
    }
}
