package dev.revcycle.collections.domain;

import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a practice collects patient balances. Every practice has one: until it sets its own, the
 * {@link #DEFAULTS}. Statement runs, plans, the work queue and placement read it.
 *
 * @param statementCycleDays      days between two statements of an account (7–90; 30)
 * @param dunningLevels           statement levels before placement: 1 statement, 2 reminder, 3 past due,
 *                                4 final notice (1–4; 4)
 * @param gracePeriodDays         days a plan installment may be late before the plan lapses (0–60; 10)
 * @param smallBalanceThreshold   a patient balance under this is written off, not billed (0–100.00; 5.00)
 * @param placementAfterDays      days from the first statement after which an unpaid balance may be placed
 *                                with the agency (30–730; 120)
 * @param minimumPlacementBalance the least balance worth placing (0–100,000.00; 25.00)
 * @param targetCollectionRate    the practice's target net collection rate (0.5000–1.0000; 0.95)
 * @param planMinimumInstallment  the least installment of a payment plan (1.00–10,000.00; 25.00)
 * @param agency                  the collection agency accounts are placed with (none by default)
 */
public record CollectionPolicy(int statementCycleDays, int dunningLevels, int gracePeriodDays,
                               BigDecimal smallBalanceThreshold, int placementAfterDays,
                               BigDecimal minimumPlacementBalance, BigDecimal targetCollectionRate,
                               BigDecimal planMinimumInstallment, Agency agency) {
    public static final CollectionPolicy DEFAULTS = new CollectionPolicy(30, 4, 10, new BigDecimal("5.00"), 120,
            new BigDecimal("25.00"), new BigDecimal("0.9500"), new BigDecimal("25.00"), null);

    public static final Reason INCONSISTENT = new Reason("policy-inconsistent",
            "The policy's periods do not fit together");

    private static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    /** The agency a practice places accounts with: its name and the practice's client id there. */
    public record Agency(String name, String id) {
    }

    /** The dunning letters in order; a policy of n levels uses the first n-1 and ends with the final notice. */
    public enum DunningLevel { STATEMENT, REMINDER, PAST_DUE, FINAL_NOTICE }

    /** What a PUT sends: every field optional, an omitted one takes its default. */
    public record Terms(Integer statementCycleDays, Integer dunningLevels, Integer gracePeriodDays,
                        BigDecimal smallBalanceThreshold, Integer placementAfterDays,
                        BigDecimal minimumPlacementBalance, BigDecimal targetCollectionRate,
                        BigDecimal planMinimumInstallment, Agency agency) {

        public List<FieldError> violations() {
            List<FieldError> errors = new ArrayList<>();
            range(errors, "statementCycleDays", statementCycleDays, 7, 90);
            range(errors, "dunningLevels", dunningLevels, 1, 4);
            range(errors, "gracePeriodDays", gracePeriodDays, 0, 60);
            range(errors, "placementAfterDays", placementAfterDays, 30, 730);
            money(errors, "smallBalanceThreshold", smallBalanceThreshold, "0.00", "100.00");
            money(errors, "minimumPlacementBalance", minimumPlacementBalance, "0.00", "100000.00");
            money(errors, "planMinimumInstallment", planMinimumInstallment, "1.00", "10000.00");
            if (targetCollectionRate != null && (targetCollectionRate.stripTrailingZeros().scale() > 4
                    || targetCollectionRate.compareTo(new BigDecimal("0.5")) < 0
                    || targetCollectionRate.compareTo(BigDecimal.ONE) > 0)) {
                errors.add(new FieldError("targetCollectionRate", "must be a rate from 0.5 to 1 with at most four decimals"));
            }
            if (agency != null) {
                if (agency.name() == null || agency.name().isBlank()) {
                    errors.add(new FieldError("agency.name", "is required"));
                } else if (agency.name().strip().length() > 100) {
                    errors.add(new FieldError("agency.name", "must be at most 100 characters"));
                }
                if (agency.id() == null || agency.id().isBlank()) {
                    errors.add(new FieldError("agency.id", "is required"));
                } else if (!AGENCY_ID.matcher(agency.id().strip()).matches()) {
                    errors.add(new FieldError("agency.id", "must be 1-40 letters, digits, dots, dashes or underscores"));
                }
            }
            return errors;
        }

        /** The policy these terms make, defaults for what they leave out (call once they have no violations). */
        public CollectionPolicy policy() {
            CollectionPolicy d = DEFAULTS;
            return new CollectionPolicy(
                    statementCycleDays == null ? d.statementCycleDays : statementCycleDays,
                    dunningLevels == null ? d.dunningLevels : dunningLevels,
                    gracePeriodDays == null ? d.gracePeriodDays : gracePeriodDays,
                    smallBalanceThreshold == null ? d.smallBalanceThreshold : smallBalanceThreshold.setScale(2),
                    placementAfterDays == null ? d.placementAfterDays : placementAfterDays,
                    minimumPlacementBalance == null ? d.minimumPlacementBalance : minimumPlacementBalance.setScale(2),
                    targetCollectionRate == null ? d.targetCollectionRate : targetCollectionRate.setScale(4),
                    planMinimumInstallment == null ? d.planMinimumInstallment : planMinimumInstallment.setScale(2),
                    agency == null ? null : new Agency(agency.name().strip(), agency.id().strip()));
        }

        private static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
            if (value != null && (value < min || value > max)) {
                errors.add(new FieldError(field, "must be from " + min + " to " + max));
            }
        }

        private static void money(List<FieldError> errors, String field, BigDecimal value, String min, String max) {
            if (value != null && (value.stripTrailingZeros().scale() > 2 || value.compareTo(new BigDecimal(min)) < 0
                    || value.compareTo(new BigDecimal(max)) > 0)) {
                errors.add(new FieldError(field, "must be an amount from " + min + " to " + max + " with at most two decimals"));
            }
        }
    }

    /**
     * Rules between the fields (a 422 when broken): an account must be able to get every dunning level
     * before it may be placed, so placementAfterDays is at least (dunningLevels − 1) × statementCycleDays.
     *
     * @return what is inconsistent, or null
     */
    public String inconsistency() {
        int lettersBeforePlacement = (dunningLevels - 1) * statementCycleDays;
        if (placementAfterDays < lettersBeforePlacement) {
            return "placementAfterDays must be at least (dunningLevels - 1) x statementCycleDays = "
                    + lettersBeforePlacement + ", so that the final notice is sent before placement";
        }
        if (minimumPlacementBalance.compareTo(smallBalanceThreshold) < 0) {
            return "minimumPlacementBalance must not be under smallBalanceThreshold";
        }
        return null;
    }

    /** The letter of a level (1-based), the last level of the policy always being the final notice. */
    public DunningLevel letter(int level) {
        if (level < 1 || level > dunningLevels) {
            throw new IllegalArgumentException("level out of the policy's range");
        }
        return level == dunningLevels ? DunningLevel.FINAL_NOTICE : DunningLevel.values()[level - 1];
    }
}
