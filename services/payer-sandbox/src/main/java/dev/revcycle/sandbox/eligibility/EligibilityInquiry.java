package dev.revcycle.sandbox.eligibility;

import dev.revcycle.x12.Segment;
import dev.revcycle.x12.UsageIndicator;
import java.time.LocalDate;
import java.util.List;

/**
 * A 270 as the sandbox needs it: who sent it, and the information source → receiver → subscriber hierarchy.
 * Names are kept as the NM1 segments received so the 271 echoes them exactly.
 */
public record EligibilityInquiry(Envelope envelope, List<Inquiry> inquiries) {

    public EligibilityInquiry {
        inquiries = List.copyOf(inquiries);
    }

    /** The sender's envelope fields, which the answer turns around. */
    public record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
            String controlNumber, UsageIndicator usage, String applicationSender, String applicationReceiver) {
    }

    /** One 270 transaction; {@code reference} is BHT03, which the 271 returns. */
    public record Inquiry(String reference, List<InformationSource> sources) {
        public Inquiry {
            sources = List.copyOf(sources);
        }
    }

    /** Loop 2000A/2100A: the payer asked. */
    public record InformationSource(Segment name, List<InformationReceiver> receivers) {
        public InformationSource {
            receivers = List.copyOf(receivers);
        }
    }

    /** Loop 2000B/2100B: the provider asking. */
    public record InformationReceiver(Segment name, List<Subscriber> subscribers) {
        public InformationReceiver {
            subscribers = List.copyOf(subscribers);
        }
    }

    /**
     * Loop 2000C/2100C/2110C: one subscriber.
     *
     * @param name         NM1*IL as received
     * @param trace        TRN*1 as received, or null
     * @param demographics DMG as received, or null
     * @param serviceDate  DTP*291 (or the 4010 DTP*307), first date of a range; null when absent
     * @param serviceTypes EQ01 codes asked about
     */
    public record Subscriber(Segment name, Segment trace, Segment demographics, LocalDate serviceDate,
            List<String> serviceTypes) {

        public Subscriber {
            serviceTypes = List.copyOf(serviceTypes);
        }

        /** NM109, "" when absent. */
        public String memberId() {
            return name.element(9).strip();
        }
    }
}
