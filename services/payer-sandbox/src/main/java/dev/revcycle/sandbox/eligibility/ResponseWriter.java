package dev.revcycle.sandbox.eligibility;

import dev.revcycle.sandbox.eligibility.EligibilityInquiry.InformationReceiver;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.InformationSource;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.Inquiry;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.Subscriber;
import dev.revcycle.sandbox.rules.ActiveBenefits;
import dev.revcycle.sandbox.rules.Coverage;
import dev.revcycle.sandbox.rules.SandboxRules;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Writes the 005010X279A1 271 answering an inquiry, one subscriber loop per subscriber asked about. */
final class ResponseWriter {

    static final String IMPLEMENTATION_GUIDE = "005010X279A1";
    private static final String FALLBACK_APPLICATION_CODE = "PAYERSANDBOX";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final Clock clock;

    ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    /** @param coverageOf the coverage each subscriber gets, from the rule table */
    String write(EligibilityInquiry inquiry, Function<Subscriber, Coverage> coverageOf) {
        EligibilityInquiry.Envelope asked = inquiry.envelope();
        // The answer goes back the way the question came: sender and receiver change places.
        InterchangeSettings settings = new InterchangeSettings(asked.receiverQualifier(), asked.receiverId(),
                asked.senderQualifier(), asked.senderId(),
                asked.usage() == UsageIndicator.PRODUCTION ? UsageIndicator.PRODUCTION : UsageIndicator.TEST);
        long controlNumber = controlNumber(asked.controlNumber());
        List<OutgoingTransaction> transactions = new ArrayList<>();
        for (Inquiry each : inquiry.inquiries()) {
            transactions.add(new OutgoingTransaction("271", body(each, coverageOf)));
        }
        OutgoingGroup group = new OutgoingGroup("HB", applicationCode(asked.applicationReceiver()),
                applicationCode(asked.applicationSender()), controlNumber, IMPLEMENTATION_GUIDE, transactions);
        return new X12Writer(settings, clock).withLineBreaks().write(controlNumber, group);
    }

    private List<Segment> body(Inquiry inquiry, Function<Subscriber, Coverage> coverageOf) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0022", "11", inquiry.reference(), now.format(CCYYMMDD), now.format(HHMM)));
        int hl = 0;
        for (InformationSource source : inquiry.sources()) {
            int sourceHl = ++hl;
            body.add(Segment.of("HL", String.valueOf(sourceHl), null, "20", "1"));
            body.add(source.name());
            for (InformationReceiver receiver : source.receivers()) {
                int receiverHl = ++hl;
                body.add(Segment.of("HL", String.valueOf(receiverHl), String.valueOf(sourceHl), "21", "1"));
                body.add(receiver.name());
                for (Subscriber subscriber : receiver.subscribers()) {
                    body.add(Segment.of("HL", String.valueOf(++hl), String.valueOf(receiverHl), "22", "0"));
                    subscriberLoop(body, subscriber, coverageOf.apply(subscriber), now.toLocalDate());
                }
            }
        }
        return body;
    }

    private static void subscriberLoop(List<Segment> body, Subscriber subscriber, Coverage coverage, LocalDate today) {
        if (subscriber.trace() != null && subscriber.trace().has(2)) {
            // The inquirer's TRN*1 comes back as TRN*2 ("referenced transaction trace number").
            Segment trace = subscriber.trace();
            body.add(Segment.of("TRN", "2", trace.element(2), trace.element(3), trace.element(4)));
        }
        body.add(subscriber.name());
        switch (coverage) {
            case REJECTED_INVALID_MEMBER_ID -> body.add(Segment.of("AAA", "N", null, "72", "C"));
            case INACTIVE -> {
                addDemographics(body, subscriber);
                body.add(Segment.of("EB", "6", "IND", "30"));
            }
            case ACTIVE -> {
                addDemographics(body, subscriber);
                int planYear = (subscriber.serviceDate() != null ? subscriber.serviceDate() : today).getYear();
                body.add(Segment.of("DTP", "346", "D8", LocalDate.of(planYear, 1, 1).format(CCYYMMDD)));
                body.add(Segment.of("DTP", "347", "D8", LocalDate.of(planYear, 12, 31).format(CCYYMMDD)));
                body.addAll(activeBenefits(SandboxRules.ACTIVE_BENEFITS));
            }
        }
    }

    private static void addDemographics(List<Segment> body, Subscriber subscriber) {
        if (subscriber.demographics() != null) {
            body.add(subscriber.demographics());
        }
    }

    /** EB segments of loop 2110C; EB06 23 = calendar year, 29 = remaining, 27 = per visit. */
    static List<Segment> activeBenefits(ActiveBenefits benefits) {
        return List.of(
                Segment.of("EB", "1", "IND", "30", null, benefits.planName()),
                Segment.of("EB", "B", "IND", "98", null, null, "27", amount(benefits.officeVisitCopay())),
                Segment.of("EB", "A", "IND", "30", null, null, null, null, amount(benefits.coinsurance())),
                Segment.of("EB", "C", "IND", "30", null, null, "23", amount(benefits.deductible())),
                Segment.of("EB", "C", "IND", "30", null, null, "29", amount(benefits.deductibleRemaining())),
                Segment.of("EB", "G", "IND", "30", null, null, "23", amount(benefits.outOfPocket())),
                Segment.of("EB", "G", "IND", "30", null, null, "29", amount(benefits.outOfPocketRemaining())));
    }

    /** X12 decimals drop trailing zeros: 1500.00 → 1500, 0.20 → 0.2. */
    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static long controlNumber(String asked) {
        // Echoing the inquiry's ISA13 keeps answers deterministic and easy to pair with their question.
        try {
            long number = Long.parseLong(asked.strip());
            return number >= 1 && number <= 999_999_999L ? number : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String applicationCode(String code) {
        return code != null && code.length() >= 2 && code.length() <= 15 ? code : FALLBACK_APPLICATION_CODE;
    }
}
