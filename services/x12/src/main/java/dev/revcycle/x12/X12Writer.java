package dev.revcycle.x12;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Writes an X12 5010 interchange around body segments: ISA/GS/ST … SE/GE/IEA, with control numbers that
 * agree (ISA13 = IEA02, GS06 = GE02, ST02 = SE02) and counts that match what was written (SE01 counts ST
 * and SE, GE01 the transactions, IEA01 the groups). ST02 is numbered 0001, 0002 … within each group.
 *
 * <p>Body element values are written {@linkplain X12CharacterSet#transliterate transliterated} to the X12
 * character set ({@code José Müller} → {@code Jose Muller}), so text kept as people gave it can always be
 * sent; a delimiter in a value is still refused, as it means the caller built the segment wrongly.
 *
 * <p>Dates and times come from the clock, in the clock's zone. Instances are immutable and thread-safe.
 */
public final class X12Writer {

    private static final String ISA_VERSION = "00501";
    private static final String NO_AUTHORIZATION = "00";
    private static final String TEN_SPACES = " ".repeat(10);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    // Not BASIC_ISO_DATE: that one appends the zone offset ("20260305Z") to a zoned date-time.
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** As StAEDI's pretty printing wrote it: the platform's line separator. */
    private static final String LINE_SEPARATOR = System.lineSeparator();

    private final InterchangeSettings settings;
    private final Clock clock;
    private final boolean lineBreaks;

    public X12Writer(InterchangeSettings settings, Clock clock) {
        this(settings, clock, false);
    }

    private X12Writer(InterchangeSettings settings, Clock clock, boolean lineBreaks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lineBreaks = lineBreaks;
    }

    /** A writer that puts a line break after each segment terminator, for people reading the output. */
    public X12Writer withLineBreaks() {
        return new X12Writer(settings, clock, true);
    }

    /** One group in one interchange — the usual case. */
    public String write(long interchangeControlNumber, OutgoingGroup group) {
        return write(interchangeControlNumber, List.of(group));
    }

    /**
     * @param interchangeControlNumber ISA13 and IEA02, 1 to 999999999; the caller keeps the sequence
     *                                 so that a resent file can be told from a new one
     * @throws IllegalArgumentException when a value contains a delimiter or a control number is out of range;
     *                                  the message names the segment and element, never the value
     */
    public String write(long interchangeControlNumber, List<OutgoingGroup> groups) {
        if (interchangeControlNumber < 1 || interchangeControlNumber > 999_999_999L) {
            throw new IllegalArgumentException("interchange control number (ISA13) must be 1 to 999999999");
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("an interchange needs at least one functional group");
        }
        Delimiters delimiters = settings.delimiters();
        for (OutgoingGroup group : groups) {
            for (String value : List.of(group.applicationSender(), group.applicationReceiver(), group.version())) {
                if (delimiters.occursIn(value)) {
                    throw new IllegalArgumentException("a GS element contains an X12 delimiter");
                }
            }
            // the body's values are checked as they are written (Out.segment): the same refusal, one pass
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        String isa13 = String.format("%09d", interchangeControlNumber);
        // Written as text, segment by segment: StAEDI's stream writer encodes each character through an
        // OutputStreamWriter on its own (a quarter of the time of a 5,000-claim 837); the output is the
        // same bytes, and the tests read it back with StAEDI.
        Out out = new Out(delimiters, lineBreaks);
        out.segment("ISA", NO_AUTHORIZATION, TEN_SPACES, NO_AUTHORIZATION, TEN_SPACES,
                settings.senderQualifier(), pad15(settings.senderId()),
                settings.receiverQualifier(), pad15(settings.receiverId()),
                now.format(YYMMDD), now.format(HHMM), String.valueOf(delimiters.repetition()), ISA_VERSION,
                isa13, settings.acknowledgmentRequested() ? "1" : "0", settings.usage().code(),
                String.valueOf(delimiters.component()));
        for (OutgoingGroup group : groups) {
            writeGroup(out, group, now);
        }
        out.segment("IEA", String.valueOf(groups.size()), isa13);
        return out.text.toString();
    }

    /** The interchange as it is written: segments, each ended by the terminator (and a line break when asked). */
    private static final class Out {
        final StringBuilder text = new StringBuilder(64 * 1024);
        final Delimiters delimiters;
        final boolean lineBreaks;

        Out(Delimiters delimiters, boolean lineBreaks) {
            this.delimiters = delimiters;
            this.lineBreaks = lineBreaks;
        }

        void segment(String id, String... elements) {
            text.append(id);
            for (String element : elements) {
                text.append(delimiters.element()).append(element);
            }
            end();
        }

        void segment(Segment segment) {
            text.append(segment.id());
            List<List<Element>> elements = segment.elements();
            for (int position = 1; position <= elements.size(); position++) {
                List<Element> repetitions = elements.get(position - 1);
                text.append(delimiters.element());
                for (int r = 0; r < repetitions.size(); r++) {
                    if (r > 0) {
                        text.append(delimiters.repetition());
                    }
                    List<String> components = repetitions.get(r).components();
                    for (int c = 0; c < components.size(); c++) {
                        if (c > 0) {
                            text.append(delimiters.component());
                        }
                        String component = components.get(c);
                        if (delimiters.occursIn(component)) {
                            throw new IllegalArgumentException(String.format(
                                    "%s%02d contains an X12 delimiter", segment.id(), position));
                        }
                        text.append(X12CharacterSet.transliterate(component, delimiters));
                    }
                }
            }
            end();
        }

        private void end() {
            text.append(delimiters.segment());
            if (lineBreaks) {
                text.append(LINE_SEPARATOR);
            }
        }
    }

    private static void writeGroup(Out out, OutgoingGroup group, ZonedDateTime now) {
        String gs06 = String.valueOf(group.controlNumber());
        out.segment("GS", group.functionalIdCode(), group.applicationSender(), group.applicationReceiver(),
                now.format(CCYYMMDD), now.format(HHMM), gs06, "X", group.version());
        int sequence = 0;
        for (OutgoingTransaction transaction : group.transactions()) {
            String st02 = String.format("%04d", ++sequence);
            out.segment("ST", transaction.type(), st02, group.version());
            for (Segment segment : transaction.body()) {
                out.segment(segment);
            }
            out.segment("SE", String.valueOf(transaction.body().size() + 2), st02);
        }
        out.segment("GE", String.valueOf(group.transactions().size()), gs06);
    }

    private static String pad15(String id) {
        return String.format("%-15s", id);
    }
}
