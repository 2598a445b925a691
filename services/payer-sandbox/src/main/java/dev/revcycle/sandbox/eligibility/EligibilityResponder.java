package dev.revcycle.sandbox.eligibility;

import dev.revcycle.sandbox.eligibility.EligibilityInquiry.InformationReceiver;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.InformationSource;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.Inquiry;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.Subscriber;
import dev.revcycle.sandbox.rules.EligibilityRule;
import dev.revcycle.sandbox.rules.Fault;
import dev.revcycle.sandbox.rules.SandboxRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Answers a 270 by the eligibility rule table: the payer side of an eligibility check. */
public final class EligibilityResponder {

    private final InquiryParser parser = new InquiryParser();
    private final ResponseWriter writer;

    public EligibilityResponder(Clock clock) {
        this.writer = new ResponseWriter(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @param x12 the 270 interchange as received
     * @throws MalformedInquiryException when it is not a 270 the sandbox can read; the message carries no value
     */
    public EligibilityAnswer answer(String x12) throws MalformedInquiryException {
        EligibilityInquiry inquiry = parser.parse(x12);
        Fault fault = decisiveFault(inquiry);
        if (fault == Fault.PAYER_UNAVAILABLE) {
            return new EligibilityAnswer(fault, null);
        }
        String response = writer.write(inquiry,
                subscriber -> SandboxRules.eligibilityRuleFor(subscriber.memberId()).coverage());
        if (fault == Fault.MALFORMED_ANSWER) {
            // Cut before the first trailer: readable text, but no SE/GE/IEA, so no X12 reader will accept it.
            response = response.substring(0, response.indexOf("\nSE*") + 1);
        }
        return new EligibilityAnswer(fault, response);
    }

    /** The fault of the earliest fault rule in the table that any subscriber triggers. */
    private static Fault decisiveFault(EligibilityInquiry inquiry) {
        List<EligibilityRule> triggered = new ArrayList<>();
        for (Inquiry each : inquiry.inquiries()) {
            for (InformationSource source : each.sources()) {
                for (InformationReceiver receiver : source.receivers()) {
                    for (Subscriber subscriber : receiver.subscribers()) {
                        triggered.add(SandboxRules.eligibilityRuleFor(subscriber.memberId()));
                    }
                }
            }
        }
        return SandboxRules.ELIGIBILITY.stream()
                .filter(triggered::contains)
                .map(EligibilityRule::fault)
                .filter(fault -> fault != Fault.NONE)
                .findFirst()
                .orElse(Fault.NONE);
    }
}
