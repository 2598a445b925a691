package dev.revcycle.eligibility.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a 271 says about the person asked about.
 *
 * @param status      ACTIVE, INACTIVE, or ERROR when the payer rejected the inquiry (an AAA for the person, the
 *                    provider or the payer; or every benefit line rejected; or a TA1 refusing the interchange)
 * @param traceNumber TRN02 of the person's TRN*2: our trace number returned, "" when absent
 * @param planBegin   plan begin date (DTP*346, or the start of a DTP*291/292 range), null when not stated
 * @param planEnd     plan end date (DTP*347, or the end of a DTP*291/292 range), null when not stated
 * @param benefits    amounts stated; each field null when the 271 does not state it
 * @param rejections  the rejections that make the result ERROR; empty unless ERROR
 * @param benefitRejections AAAs inside benefit loops (2110C/2110D): each rejected its one benefit line, which
 *                    the result leaves out, and nothing else
 * @param warnings    envelope disagreements tolerated while reading (wrong counts, control numbers)
 */
public record EligibilityResult(Status status, String traceNumber, LocalDate planBegin, LocalDate planEnd,
        Benefits benefits, List<Rejection> rejections, List<Rejection> benefitRejections, List<String> warnings) {

    public EligibilityResult {
        rejections = List.copyOf(rejections);
        benefitRejections = List.copyOf(benefitRejections);
        warnings = List.copyOf(warnings);
    }

    public enum Status {
        /** EB01 1–5: active coverage. */
        ACTIVE,
        /** EB01 6–8: inactive coverage. */
        INACTIVE,
        /** The payer (or the clearinghouse, by TA1) rejected the inquiry: see {@link EligibilityResult#rejections()}. */
        ERROR
    }

    /**
     * Amounts in dollars with two places; the coinsurance as a percentage (EB08 0.2 → 20.00).
     */
    public record Benefits(BigDecimal copay, BigDecimal coinsurancePercent, BigDecimal deductible,
            BigDecimal deductibleRemaining, BigDecimal outOfPocket, BigDecimal outOfPocketRemaining) {

        public static final Benefits NONE = new Benefits(null, null, null, null, null, null);
    }

    /**
     * One AAA segment.
     *
     * @param loop        where it was: 2100A (payer), 2100B (provider), 2100C (subscriber), 2110C (benefit inquiry)
     * @param code        AAA03, the reject reason code, e.g. 72
     * @param description the standard text for that code
     * @param followUp    AAA04, e.g. C (please correct and resubmit), R (resubmission allowed); "" for a TA1
     */
    public record Rejection(String loop, String code, String description, String followUp) {
    }
}
