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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the 271 answering one inquiry into an {@link EligibilityResult}.
 *
 * <ul>
 * <li>Whom: every 271 transaction (ST … SE) of the interchange is read; the answer is the subscriber (HL 22,
 * 2000C) or dependent (HL 23, 2000D) loop whose TRN*2 returns our trace number. When no loop carries a TRN*2
 * the first subscriber is taken. Only that person's loops count: a dependent's benefits are never merged into
 * the subscriber's, nor another subscriber's into ours.</li>
 * <li>An AAA in the person's own loop (2100C/2100D) or above it (the payer's 2100A, the provider's 2100B) is a
 * rejection: status ERROR. An AAA inside a benefit loop (2110C/2110D) rejects that one benefit line only: the
 * line is left out and the AAA listed in {@code benefitRejections}; the other lines still state coverage.</li>
 * <li>Otherwise EB01 1–5 means ACTIVE, 6–8 INACTIVE (1 and 6 are what payers send; the rest are their variants).</li>
 * <li>Plan dates come from DTP*346/347 in the person's 2100/2110 loops, else a DTP*291 or 292 date or range. Dates
 * of other qualifiers are not read, whatever their format.</li>
 * <li>Benefits: copay EB*B (EB07), coinsurance EB*A (EB08 as a percentage), deductible EB*C and out-of-pocket
 * EB*G, with EB06 23 (calendar year; also 22 service year, 25 contract) for the total and 29 for what remains.
 * Where several EBs qualify, the individual in-network one wins. The copay is the office visit's: only an EB*B
 * for service type 98 (professional (physician) visit – office), BY or BZ (physician visit – office: sick,
 * well), 98 first; a hospital copay (47, 48 …) or a plan-wide one (30) is not an office visit's.</li>
 * <li>A TA1 that rejects our interchange (TA104 R), in an interchange without a 271, is a rejection too.</li>
 * </ul>
 *
 * Envelope counts and control numbers that disagree are tolerated and listed in {@code warnings}: a payer's
 * answer about coverage is worth more than its arithmetic. Segments in a 2120 loop (LS … LE, other parties
 * such as the primary care provider) are not the person's and are skipped.
 */
public final class EligibilityResponse271Reader {

    // STRICT: the default SMART style would turn 20260231 into Feb 28 instead of refusing it.
    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> ACTIVE_CODES = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> INACTIVE_CODES = Set.of("6", "7", "8");
    private static final Set<String> TOTAL_PERIODS = Set.of("23", "22", "25");
    private static final String REMAINING = "29";
    private static final String OFFICE_VISIT = "98";
    private static final Set<String> OFFICE_VISITS = Set.of(OFFICE_VISIT, "BY", "BZ");
    private static final Set<String> PLAN_DATES = Set.of("346", "347", "291", "292");
    private static final String SUBSCRIBER = "22";
    private static final String DEPENDENT = "23";

    /**
     * @param traceNumber the trace number of our 270 (its TRN*1), which the 271 returns in the TRN*2 of the
     *                    person it answers about
     * @throws Eligibility271Exception when the text is not a readable 271, or states neither coverage nor a
     *                                 rejection; the message carries no element value
     */
    public EligibilityResult read(String x12, String traceNumber) throws Eligibility271Exception {
        Interchange interchange;
        try {
            interchange = X12Reader.lenient().read(x12);
        } catch (X12Exception e) {
            throw new Eligibility271Exception("the 271 cannot be read: " + e.getMessage(), e);
        }
        List<String> warnings = interchange.warnings().stream().map(X12Problem::message).toList();
        if (interchange.transactions().isEmpty()) {
            Optional<Segment> refused = interchange.acknowledgments().stream()
                    .filter(ta1 -> ta1.element(4).equals("R")).findFirst();
            if (refused.isPresent()) {
                String note = refused.get().element(5);
                return new EligibilityResult(Status.ERROR, "", null, null, Benefits.NONE,
                        List.of(new Rejection("TA1", note, RejectReasons.describeInterchangeNote(note), "")),
                        List.of(), warnings);
            }
            throw new Eligibility271Exception("the interchange holds no transaction");
        }
        List<Level> levels = new ArrayList<>();
        for (TransactionSet transaction : interchange.transactions()) {
            if ("271".equals(transaction.type())) {
                levels.addAll(levels(transaction));
            }
        }
        if (levels.isEmpty()) {
            throw new Eligibility271Exception("no transaction of the interchange is a 271 (ST01)");
        }
        Optional<Level> asked = person(levels, traceNumber);
        if (asked.isEmpty()) {
            // No subscriber at all: only a rejection at the payer's or provider's level can be the answer.
            List<Rejection> above = levels.stream().flatMap(l -> l.rejections().stream()).toList();
            if (!above.isEmpty()) {
                return new EligibilityResult(Status.ERROR, "", null, null, Benefits.NONE, above, List.of(), warnings);
            }
            throw new Eligibility271Exception("the 271 states neither coverage (EB01 1 to 8) nor a rejection (AAA)");
        }
        return answer(asked.get(), warnings);
    }

    private static EligibilityResult answer(Level person, List<String> warnings) throws Eligibility271Exception {
        List<Rejection> rejections = new ArrayList<>();
        for (Level level = person.parent(); level != null; level = level.parent()) {
            rejections.addAll(0, level.rejections());
        }
        rejections.addAll(person.rejections());
        Dates dates = new Dates();
        for (Segment dtp : person.dates()) {
            dates.accept(dtp);
        }
        List<Rejection> benefitRejections = new ArrayList<>();
        List<Segment> benefits = new ArrayList<>();
        for (BenefitLine line : person.benefitLines()) {
            if (!line.rejections().isEmpty()) {
                benefitRejections.addAll(line.rejections());
                continue;
            }
            benefits.add(line.eb());
            for (Segment dtp : line.dates()) {
                dates.accept(dtp);
            }
        }
        if (!rejections.isEmpty()) {
            return new EligibilityResult(Status.ERROR, person.traceNumber(), dates.begin(), dates.end(),
                    Benefits.NONE, rejections, benefitRejections, warnings);
        }
        Status status;
        if (benefits.stream().anyMatch(eb -> ACTIVE_CODES.contains(eb.element(1)))) {
            status = Status.ACTIVE;
        } else if (benefits.stream().anyMatch(eb -> INACTIVE_CODES.contains(eb.element(1)))) {
            status = Status.INACTIVE;
        } else if (!benefitRejections.isEmpty()) {
            // Every benefit line was rejected: nothing is stated about coverage but the rejections.
            return new EligibilityResult(Status.ERROR, person.traceNumber(), dates.begin(), dates.end(),
                    Benefits.NONE, benefitRejections, List.of(), warnings);
        } else {
            throw new Eligibility271Exception("the 271 states neither coverage (EB01 1 to 8) nor a rejection (AAA)");
        }
        return new EligibilityResult(status, person.traceNumber(), dates.begin(), dates.end(), benefits(benefits),
                List.of(), benefitRejections, warnings);
    }

    /** The loop our trace number comes back in; else, without any TRN*2, the first subscriber. */
    private static Optional<Level> person(List<Level> levels, String traceNumber) {
        List<Level> people = levels.stream().filter(Level::isPerson).toList();
        Optional<Level> traced = people.stream()
                .filter(p -> !p.traceNumber().isEmpty() && p.traceNumber().equals(traceNumber)).findFirst();
        if (traced.isPresent()) {
            return traced;
        }
        Optional<Level> otherTrace = people.stream().filter(p -> !p.traceNumber().isEmpty()).findFirst();
        if (otherTrace.isPresent()) {
            return otherTrace; // its trace number tells the caller it is not the answer to this inquiry
        }
        return people.stream().filter(p -> p.code().equals(SUBSCRIBER)).findFirst()
                .or(() -> people.stream().findFirst());
    }

    /** The HL levels of one 271, each with its own segments, linked to its parent. */
    private static List<Level> levels(TransactionSet transaction) {
        List<Level> levels = new ArrayList<>();
        Map<String, Level> byId = new HashMap<>();
        Level current = null;
        boolean otherParty = false;
        for (Segment segment : transaction.segments()) {
            switch (segment.id()) {
                case "HL" -> {
                    current = new Level(segment.element(3), byId.get(segment.element(2)));
                    byId.put(segment.element(1), current);
                    levels.add(current);
                    otherParty = false;
                }
                case "LS" -> otherParty = true;
                case "LE" -> otherParty = false;
                default -> {
                    if (current != null && !otherParty) {
                        current.accept(segment);
                    }
                }
            }
        }
        return levels;
    }

    private static Benefits benefits(List<Segment> ebs) throws Eligibility271Exception {
        return new Benefits(
                money(pick(ebs, "B", eb -> serviceTypes(eb).stream().anyMatch(OFFICE_VISITS::contains), true), 7),
                percent(pick(ebs, "A", eb -> true, false)),
                money(pick(ebs, "C", eb -> TOTAL_PERIODS.contains(eb.element(6)), false), 7),
                money(pick(ebs, "C", eb -> REMAINING.equals(eb.element(6)), false), 7),
                money(pick(ebs, "G", eb -> TOTAL_PERIODS.contains(eb.element(6)), false), 7),
                money(pick(ebs, "G", eb -> REMAINING.equals(eb.element(6)), false), 7));
    }

    /** The best EB of a kind: individual before family, in-network before out, 98 first if asked. */
    private static Optional<Segment> pick(List<Segment> ebs, String code, Predicate<Segment> which,
            boolean officeVisitFirst) {
        int amountElement = code.equals("A") ? 8 : 7;
        return ebs.stream()
                .filter(eb -> eb.element(1).equals(code) && eb.has(amountElement) && which.test(eb))
                .min(Comparator.comparingInt(eb -> (eb.element(12).equals("N") ? 4 : 0)
                        + (eb.element(2).equals("FAM") ? 2 : 0)
                        + (officeVisitFirst && !serviceTypes(eb).contains(OFFICE_VISIT) ? 1 : 0)));
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

    /** One HL level: 20 the payer (2000A), 21 the provider (2000B), 22 a subscriber (2000C), 23 a dependent. */
    private static final class Level {
        private final String code;
        private final Level parent;
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Segment> dates = new ArrayList<>();
        private final List<BenefitLine> benefitLines = new ArrayList<>();
        private String traceNumber = "";

        Level(String code, Level parent) {
            this.code = code;
            this.parent = parent;
        }

        void accept(Segment segment) {
            BenefitLine line = benefitLines.isEmpty() ? null : benefitLines.get(benefitLines.size() - 1);
            switch (segment.id()) {
                case "EB" -> benefitLines.add(new BenefitLine(segment, new ArrayList<>(), new ArrayList<>()));
                case "AAA" -> {
                    String reason = segment.element(3);
                    Rejection rejection = new Rejection(loop(line != null), reason, RejectReasons.describe(reason),
                            segment.element(4));
                    (line != null ? line.rejections() : rejections).add(rejection);
                }
                case "DTP" -> (line != null ? line.dates() : dates).add(segment);
                case "TRN" -> {
                    if (line == null && segment.element(1).equals("2") && traceNumber.isEmpty()) {
                        traceNumber = segment.element(2);
                    }
                }
                default -> {
                    // NM1, N3, N4, DMG, INS, MSG, REF, HSD, III … carry nothing the result holds.
                }
            }
        }

        private String loop(boolean inBenefitLoop) {
            return switch (code) {
                case "20" -> "2100A";
                case "21" -> "2100B";
                case SUBSCRIBER -> inBenefitLoop ? "2110C" : "2100C";
                case DEPENDENT -> inBenefitLoop ? "2110D" : "2100D";
                default -> "2000";
            };
        }

        boolean isPerson() {
            return code.equals(SUBSCRIBER) || code.equals(DEPENDENT);
        }

        String code() {
            return code;
        }

        Level parent() {
            return parent;
        }

        List<Rejection> rejections() {
            return rejections;
        }

        List<Segment> dates() {
            return dates;
        }

        List<BenefitLine> benefitLines() {
            return benefitLines;
        }

        String traceNumber() {
            return traceNumber;
        }
    }

    /** One 2110 loop: the EB and what follows it up to the next EB. */
    private record BenefitLine(Segment eb, List<Rejection> rejections, List<Segment> dates) {
    }

    /** Plan dates; only the qualifiers that mean one are parsed. */
    private static final class Dates {
        private LocalDate begin346;
        private LocalDate end347;
        private LocalDate[] range;

        void accept(Segment dtp) throws Eligibility271Exception {
            if (!PLAN_DATES.contains(dtp.element(1))) {
                return; // eligibility begin, added, premium paid, service … : not read, whatever the format
            }
            LocalDate[] dates = dates(dtp);
            switch (dtp.element(1)) {
                case "346" -> begin346 = begin346 == null ? dates[0] : begin346;
                case "347" -> end347 = end347 == null ? dates[dates.length - 1] : end347;
                default -> {
                    if (range == null || (range.length == 1 && dates.length == 2)) {
                        range = dates;
                    }
                }
            }
        }

        LocalDate begin() {
            return begin346 != null ? begin346 : range != null ? range[0] : null;
        }

        LocalDate end() {
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
