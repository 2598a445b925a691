package dev.revcycle.sandbox.eligibility;

import dev.revcycle.sandbox.eligibility.EligibilityInquiry.InformationReceiver;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.InformationSource;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.Inquiry;
import dev.revcycle.sandbox.eligibility.EligibilityInquiry.Subscriber;
import dev.revcycle.x12.Element;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a 270 into an {@link EligibilityInquiry}. Envelope counts are not held against the sender (the reader
 * is lenient): the shared 270 sample, like many real files, carries wrong ones, and a development payer is
 * more useful answering the content. Dependent loops (HL level 23) are skipped: the sandbox answers subscribers.
 */
public final class InquiryParser {

    // STRICT: the default SMART style would turn 20260231 into Feb 28 instead of refusing it.
    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public EligibilityInquiry parse(String x12) throws MalformedInquiryException {
        Interchange interchange;
        try {
            interchange = X12Reader.lenient().read(x12);
        } catch (X12Exception e) {
            // X12Exception messages carry positions and segment ids only, so they can be passed on.
            throw new MalformedInquiryException(e.getMessage(), e);
        }
        if (interchange.transactions().isEmpty()) {
            throw new MalformedInquiryException("the interchange holds no transaction");
        }
        var group = interchange.groups().get(0);
        var envelope = new EligibilityInquiry.Envelope(interchange.senderQualifier(), interchange.senderId(),
                interchange.receiverQualifier(), interchange.receiverId(), interchange.controlNumber(),
                interchange.usage(), group.applicationSender(), group.applicationReceiver());
        List<Inquiry> inquiries = new ArrayList<>();
        List<TransactionSet> transactions = interchange.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            TransactionSet transaction = transactions.get(i);
            if (!"270".equals(transaction.type())) {
                throw new MalformedInquiryException("transaction " + (i + 1)
                        + " of the interchange is not a 270 (ST01); only 270 inquiries are answered here");
            }
            inquiries.add(inquiry(transaction));
        }
        return new EligibilityInquiry(envelope, inquiries);
    }

    private static Inquiry inquiry(TransactionSet transaction) throws MalformedInquiryException {
        Hierarchy hierarchy = new Hierarchy();
        for (Segment segment : transaction.segments()) {
            hierarchy.accept(segment);
        }
        return hierarchy.build(transaction.first("BHT").map(bht -> bht.element(3)).orElse(""));
    }

    /** Walks the HL levels, keeping the segments each level needs. */
    private static final class Hierarchy {
        private final List<SourceDraft> sources = new ArrayList<>();
        private String level = "";

        void accept(Segment segment) throws MalformedInquiryException {
            if (segment.id().equals("HL")) {
                startLevel(segment);
                return;
            }
            switch (level) {
                case "20" -> {
                    if (segment.id().equals("NM1")) {
                        lastSource().name = segment;
                    }
                }
                case "21" -> {
                    if (segment.id().equals("NM1")) {
                        lastReceiver().name = segment;
                    }
                }
                case "22" -> subscriberSegment(lastSubscriber(), segment);
                default -> {
                    // Before the first HL (BHT) or in a dependent loop: nothing the answer needs.
                }
            }
        }

        private void startLevel(Segment hl) throws MalformedInquiryException {
            level = hl.element(3);
            switch (level) {
                case "20" -> sources.add(new SourceDraft());
                case "21" -> {
                    if (sources.isEmpty()) {
                        throw malformed("an information receiver (HL level 21) comes before any information source", hl);
                    }
                    lastSource().receivers.add(new ReceiverDraft());
                }
                case "22" -> {
                    if (sources.isEmpty() || lastSource().receivers.isEmpty()) {
                        throw malformed("a subscriber (HL level 22) comes before any information receiver", hl);
                    }
                    lastReceiver().subscribers.add(new SubscriberDraft(hl.position()));
                }
                case "23" -> {
                    // Dependents are not answered; see the class comment.
                }
                default -> throw malformed("an HL level code (HL03) is not 20, 21, 22 or 23", hl);
            }
        }

        private static void subscriberSegment(SubscriberDraft subscriber, Segment segment) {
            switch (segment.id()) {
                case "NM1" -> {
                    if (segment.element(1).equals("IL")) {
                        subscriber.name = segment;
                    }
                }
                case "TRN" -> {
                    if (subscriber.trace == null) {
                        subscriber.trace = segment;
                    }
                }
                case "DMG" -> subscriber.demographics = segment;
                case "DTP" -> {
                    // 291 is the 5010 plan date; 307 the 4010 eligibility date the shared sample uses.
                    if ((segment.element(1).equals("291") || segment.element(1).equals("307"))
                            && subscriber.serviceDate == null) {
                        subscriber.serviceDate = firstDate(segment.element(3));
                    }
                }
                case "EQ" -> {
                    for (Element code : segment.repetitions(1)) {
                        if (!code.isEmpty()) {
                            subscriber.serviceTypes.add(code.value());
                        }
                    }
                }
                default -> {
                    // REF, N3, N4, PRV, INS … are not needed to answer.
                }
            }
        }

        Inquiry build(String reference) throws MalformedInquiryException {
            if (sources.isEmpty()) {
                throw new MalformedInquiryException("the 270 has no information source (HL level 20)");
            }
            List<InformationSource> built = new ArrayList<>();
            int subscriberCount = 0;
            for (SourceDraft source : sources) {
                if (source.name == null) {
                    throw new MalformedInquiryException("an information source has no NM1 name (loop 2100A)");
                }
                List<InformationReceiver> receivers = new ArrayList<>();
                for (ReceiverDraft receiver : source.receivers) {
                    if (receiver.name == null) {
                        throw new MalformedInquiryException("an information receiver has no NM1 name (loop 2100B)");
                    }
                    List<Subscriber> subscribers = new ArrayList<>();
                    for (SubscriberDraft subscriber : receiver.subscribers) {
                        if (subscriber.name == null) {
                            throw new MalformedInquiryException("the subscriber at segment " + subscriber.position
                                    + " (HL) has no NM1*IL name (loop 2100C)");
                        }
                        subscribers.add(new Subscriber(subscriber.name, subscriber.trace, subscriber.demographics,
                                subscriber.serviceDate, subscriber.serviceTypes));
                    }
                    subscriberCount += subscribers.size();
                    receivers.add(new InformationReceiver(receiver.name, subscribers));
                }
                built.add(new InformationSource(source.name, receivers));
            }
            if (subscriberCount == 0) {
                throw new MalformedInquiryException("the 270 has no subscriber (HL level 22)");
            }
            return new Inquiry(reference, built);
        }

        private SourceDraft lastSource() {
            return sources.get(sources.size() - 1);
        }

        private ReceiverDraft lastReceiver() {
            List<ReceiverDraft> receivers = lastSource().receivers;
            return receivers.get(receivers.size() - 1);
        }

        private SubscriberDraft lastSubscriber() {
            List<SubscriberDraft> subscribers = lastReceiver().subscribers;
            return subscribers.get(subscribers.size() - 1);
        }

        private MalformedInquiryException malformed(String what, Segment hl) {
            return new MalformedInquiryException(what + " (segment " + hl.position() + ", HL)");
        }

        private static LocalDate firstDate(String value) {
            String first = value.length() >= 8 ? value.substring(0, 8) : value;
            try {
                return LocalDate.parse(first, CCYYMMDD);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static final class SourceDraft {
        Segment name;
        final List<ReceiverDraft> receivers = new ArrayList<>();
    }

    private static final class ReceiverDraft {
        Segment name;
        final List<SubscriberDraft> subscribers = new ArrayList<>();
    }

    private static final class SubscriberDraft {
        final int position;
        Segment name;
        Segment trace;
        Segment demographics;
        LocalDate serviceDate;
        final List<String> serviceTypes = new ArrayList<>();

        SubscriberDraft(int position) {
            this.position = position;
        }
    }
}
