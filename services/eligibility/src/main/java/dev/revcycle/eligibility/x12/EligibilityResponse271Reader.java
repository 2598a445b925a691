package dev.revcycle.eligibility.x12;

import dev.revcycle.eligibility.x12.EligibilityResult.Benefits;
import dev.revcycle.eligibility.x12.EligibilityResult.Rejection;
import dev.revcycle.eligibility.x12.EligibilityResult.Status;
import dev.revcycle.x12.Element;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Problem;
import dev.revcycle.x12.X12Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the 271 answering one subscriber into an {@link EligibilityResult}.
 *
 * <ul>
 * <li>Any AAA, in any loop, is a rejection: status ERROR, each AAA in {@code rejections}.</li>
 * <li>Otherwise EB01 1–5 means ACTIVE, 6–8 INACTIVE (1 and 6 are what payers send; the rest are their variants).</li>
 * <li>Plan dates come from DTP*346/347 in the subscriber's 2100C/2110C loops, else a DTP*291 or 292 date or range.</li>
 * <li>Benefits: copay EB*B (EB07), coinsurance EB*A (EB08 as a percentage), deductible EB*C and out-of-pocket
 * EB*G, with EB06 23 (calendar year; also 22 service year, 25 contract) for the total and 29 for what remains.
 * Where several EBs qualify, the individual in-network one wins, and for the copay the office visit (98).</li>
 * </ul>
 *
 * Envelope counts and control numbers that disagree are tolerated and listed in {@code warnings}: a payer's
 * answer about coverage is worth more than its arithmetic. Segments in a 2120C loop (LS … LE, other
 * parties such as the primary care provider) are not the subscriber's and are skipped.
 */
public final class EligibilityResponse271Reader {

    // STRICT: the default SMART style would turn 20260231 into Feb 28 instead of refusing it.
    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> ACTIVE_CODES = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> INACTIVE_CODES = Set.of("6", "7", "8");
    private static final Set<String> TOTAL_PERIODS = Set.of("23", "22", "25");
    private static final String REMAINING = "29";

    /**
     * @throws Eligibility271Exception when the text is not a readable 271, or states neither coverage nor a
     *                                 rejection; the message carries no element value
     */
    public EligibilityResult read(String x12) throws Eligibility271Exception {
        Interchange interchange;
        try {
            interchange = X12Reader.lenient().read(x12);
        } catch (X12Exception e) {
            throw new Eligibility271Exception("the 271 cannot be read: " + e.getMessage(), e);
        }
        TransactionSet response = interchange.transactions().stream().findFirst()
                .orElseThrow(() -> new Eligibility271Exception("the interchange holds no transaction"));
        if (!"271".equals(response.type())) {
            throw new Eligibility271Exception("the first transaction is not a 271 (ST01)");
        }
        Walk walk = new Walk();
        for (Segment segment : response.segments()) {
            walk.accept(segment);
        }
        List<String> warnings = interchange.warnings().stream().map(X12Problem::message).toList();
        if (!walk.rejections.isEmpty()) {
            return new EligibilityResult(Status.ERROR, walk.traceNumber, walk.planBegin(), walk.planEnd(),
                    Benefits.NONE, walk.rejections, warnings);
        }
        Status status;
        if (walk.benefits.stream().anyMatch(eb -> ACTIVE_CODES.contains(eb.element(1)))) {
            status = Status.ACTIVE;
        } else if (walk.benefits.stream().anyMatch(eb -> INACTIVE_CODES.contains(eb.element(1)))) {
            status = Status.INACTIVE;
        } else {
            throw new Eligibility271Exception("the 271 states neither coverage (EB01 1 to 8) nor a rejection (AAA)");
        }
        return new EligibilityResult(status, walk.traceNumber, walk.planBegin(), walk.planEnd(),
                benefits(walk.benefits), List.of(), warnings);
    }

    private static Benefits benefits(List<Segment> ebs) throws Eligibility271Exception {
        return new Benefits(
                money(pick(ebs, "B", eb -> true, true), 7),
                percent(pick(ebs, "A", eb -> true, false)),
                money(pick(ebs, "C", eb -> TOTAL_PERIODS.contains(eb.element(6)), false), 7),
                money(pick(ebs, "C", eb -> REMAINING.equals(eb.element(6)), false), 7),
                money(pick(ebs, "G", eb -> TOTAL_PERIODS.contains(eb.element(6)), false), 7),
                money(pick(ebs, "G", eb -> REMAINING.equals(eb.element(6)), false), 7));
    }

    /** The best EB of a kind: individual before family, in-network before out, office visit first if asked. */
    private static Optional<Segment> pick(List<Segment> ebs, String code, Predicate<Segment> period,
            boolean officeVisitFirst) {
        int amountElement = code.equals("A") ? 8 : 7;
        return ebs.stream()
                .filter(eb -> eb.element(1).equals(code) && eb.has(amountElement) && period.test(eb))
                .min(Comparator.comparingInt(eb -> (eb.element(12).equals("N") ? 4 : 0)
                        + (eb.element(2).equals("FAM") ? 2 : 0)
                        + (officeVisitFirst && !serviceTypes(eb).contains("98") ? 1 : 0)));
    }

    private static List<String> serviceTypes(Segment eb) {
        return eb.repetitions(3).stream().map(Element::value).toList();
    }

    private static BigDecimal money(Optional<Segment> eb, int element) throws Eligibility271Exception {
        if (eb.isEmpty()) {
            return null;
        }
        return decimal(eb.get(), element).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(Optional<Segment> eb) throws Eligibility271Exception {
        if (eb.isEmpty()) {
            return null;
        }
        return decimal(eb.get(), 8).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Segment eb, int element) throws Eligibility271Exception {
        try {
            return new BigDecimal(eb.element(element));
        } catch (NumberFormatException e) {
            throw new Eligibility271Exception(String.format("EB%02d at segment %d is not a decimal number",
                    element, eb.position()));
        }
    }

    /** One pass over the 271's segments, keeping what belongs to the first subscriber. */
    private static final class Walk {
        final List<Rejection> rejections = new ArrayList<>();
        final List<Segment> benefits = new ArrayList<>();
        String traceNumber = "";
        private String level = "";
        private int subscribers;
        private boolean inBenefitLoop;
        private boolean inOtherParty;
        private LocalDate begin346;
        private LocalDate end347;
        private LocalDate[] range;

        void accept(Segment segment) throws Eligibility271Exception {
            switch (segment.id()) {
                case "HL" -> {
                    level = segment.element(3);
                    inBenefitLoop = false;
                    inOtherParty = false;
                    if (level.equals("22")) {
                        subscribers++;
                    }
                    return;
                }
                case "LS" -> {
                    inOtherParty = true;
                    return;
                }
                case "LE" -> {
                    inOtherParty = false;
                    return;
                }
                case "AAA" -> {
                    // A rejection anywhere, for any subscriber, means the answer is not to be trusted.
                    String code = segment.element(3);
                    rejections.add(new Rejection(loop(), code, RejectReasons.describe(code), segment.element(4)));
                    return;
                }
                default -> {
                    // handled below for the first subscriber only
                }
            }
            if (subscribers != 1 || inOtherParty || !(level.equals("22") || level.equals("23"))) {
                return;
            }
            switch (segment.id()) {
                case "TRN" -> {
                    if (segment.element(1).equals("2") && traceNumber.isEmpty()) {
                        traceNumber = segment.element(2);
                    }
                }
                case "EB" -> {
                    inBenefitLoop = true;
                    benefits.add(segment);
                }
                case "DTP" -> date(segment);
                default -> {
                    // NM1, N3, N4, DMG, INS, MSG, REF, HSD … carry nothing the result holds.
                }
            }
        }

        private String loop() {
            return switch (level) {
                case "20" -> "2100A";
                case "21" -> "2100B";
                case "22" -> inBenefitLoop ? "2110C" : "2100C";
                case "23" -> inBenefitLoop ? "2110D" : "2100D";
                default -> "2000";
            };
        }

        private void date(Segment dtp) throws Eligibility271Exception {
            LocalDate[] dates = dates(dtp);
            switch (dtp.element(1)) {
                case "346" -> begin346 = begin346 == null ? dates[0] : begin346;
                case "347" -> end347 = end347 == null ? dates[dates.length - 1] : end347;
                case "291", "292" -> {
                    if (range == null || (range.length == 1 && dates.length == 2)) {
                        range = dates;
                    }
                }
                default -> {
                    // Other qualifiers (eligibility begin, added, premium paid …) are not plan dates.
                }
            }
        }

        LocalDate planBegin() {
            return begin346 != null ? begin346 : range != null ? range[0] : null;
        }

        LocalDate planEnd() {
            return end347 != null ? end347 : range != null && range.length == 2 ? range[1] : null;
        }

        private static LocalDate[] dates(Segment dtp) throws Eligibility271Exception {
            String value = dtp.element(3);
            try {
                if (dtp.element(2).equals("RD8") && value.length() == 17 && value.charAt(8) == '-') {
                    return new LocalDate[] {LocalDate.parse(value.substring(0, 8), CCYYMMDD),
                            LocalDate.parse(value.substring(9), CCYYMMDD)};
                }
                if (dtp.element(2).equals("D8")) {
                    return new LocalDate[] {LocalDate.parse(value, CCYYMMDD)};
                }
            } catch (DateTimeParseException e) {
                // reported below, without the value
            }
            throw new Eligibility271Exception("DTP03 at segment " + dtp.position() + " is not a D8 or RD8 date");
        }
    }
}
