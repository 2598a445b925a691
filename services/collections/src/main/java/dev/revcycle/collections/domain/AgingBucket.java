package dev.revcycle.collections.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where a balance falls by its age: the days from the account's oldest open date of service to the day
 * asked about. A date of service after that day (a future asOf looks back less) counts as current.
 */
public enum AgingBucket {
    DAYS_0_30("0-30", 0, 30),
    DAYS_31_60("31-60", 31, 60),
    DAYS_61_90("61-90", 61, 90),
    DAYS_91_120("91-120", 91, 120),
    OVER_120("120+", 121, Integer.MAX_VALUE);

    private final String label;
    private final int fromDays;
    private final int toDays;

    AgingBucket(String label, int fromDays, int toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    public String label() {
        return label;
    }

    public int fromDays() {
        return fromDays;
    }

    /** The last day of the bucket, or null for the open-ended 120+. */
    public Integer toDays() {
        return toDays == Integer.MAX_VALUE ? null : toDays;
    }

    public static long age(LocalDate oldestOpenServiceDate, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(oldestOpenServiceDate, asOf));
    }

    public static AgingBucket ofAge(long days) {
        for (AgingBucket b : values()) {
            if (days <= b.toDays) {
                return b;
            }
        }
        return OVER_120;
    }

    /** The bucket of an account, or null when it has no open date of service. */
    public static AgingBucket of(LocalDate oldestOpenServiceDate, LocalDate asOf) {
        return oldestOpenServiceDate == null ? null : ofAge(age(oldestOpenServiceDate, asOf));
    }
}
