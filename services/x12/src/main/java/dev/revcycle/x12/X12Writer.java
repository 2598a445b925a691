package dev.revcycle.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    private static final Schema CONTROL_SCHEMA = controlSchema();

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
            for (OutgoingTransaction transaction : group.transactions()) {
                transaction.body().forEach(segment -> checkValues(segment, delimiters));
            }
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        String isa13 = String.format("%09d", interchangeControlNumber);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EDIStreamWriter writer = factory(delimiters).createEDIStreamWriter(out, StandardCharsets.UTF_8.name())) {
            // With the control schema StAEDI checks the envelope as it writes (and stops warning that it does not).
            writer.setControlSchema(CONTROL_SCHEMA);
            writer.startInterchange();
            writeSegment(writer, "ISA", NO_AUTHORIZATION, TEN_SPACES, NO_AUTHORIZATION, TEN_SPACES,
                    settings.senderQualifier(), pad15(settings.senderId()),
                    settings.receiverQualifier(), pad15(settings.receiverId()),
                    now.format(YYMMDD), now.format(HHMM), String.valueOf(delimiters.repetition()), ISA_VERSION,
                    isa13, settings.acknowledgmentRequested() ? "1" : "0", settings.usage().code(),
                    String.valueOf(delimiters.component()));
            for (OutgoingGroup group : groups) {
                writeGroup(writer, group, now, delimiters);
            }
            writeSegment(writer, "IEA", String.valueOf(groups.size()), isa13);
            writer.endInterchange();
        } catch (EDIStreamException e) {
            // Values were checked above, so this is a fault in the writer, not in the caller's data.
            throw new IllegalStateException("StAEDI refused to write the interchange", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeGroup(EDIStreamWriter writer, OutgoingGroup group, ZonedDateTime now, Delimiters delimiters)
            throws EDIStreamException {
        String gs06 = String.valueOf(group.controlNumber());
        writeSegment(writer, "GS", group.functionalIdCode(), group.applicationSender(), group.applicationReceiver(),
                now.format(CCYYMMDD), now.format(HHMM), gs06, "X", group.version());
        int sequence = 0;
        for (OutgoingTransaction transaction : group.transactions()) {
            String st02 = String.format("%04d", ++sequence);
            writeSegment(writer, "ST", transaction.type(), st02, group.version());
            for (Segment segment : transaction.body()) {
                writeSegment(writer, segment, delimiters);
            }
            writeSegment(writer, "SE", String.valueOf(transaction.body().size() + 2), st02);
        }
        writeSegment(writer, "GE", String.valueOf(group.transactions().size()), gs06);
    }

    private static void writeSegment(EDIStreamWriter writer, String id, String... elements) throws EDIStreamException {
        writer.writeStartSegment(id);
        for (String element : elements) {
            writer.writeElement(element);
        }
        writer.writeEndSegment();
    }

    private static void writeSegment(EDIStreamWriter writer, Segment segment, Delimiters delimiters)
            throws EDIStreamException {
        writer.writeStartSegment(segment.id());
        for (List<Element> repetitions : segment.elements()) {
            if (repetitions.size() == 1 && !repetitions.get(0).isComposite()) {
                Element element = repetitions.get(0);
                if (element.isEmpty()) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement(X12CharacterSet.transliterate(element.value(), delimiters));
                }
                continue;
            }
            for (int r = 0; r < repetitions.size(); r++) {
                if (r == 0) {
                    writer.writeStartElement();
                } else {
                    writer.writeRepeatElement();
                }
                Element element = repetitions.get(r);
                if (element.isComposite()) {
                    for (String component : element.components()) {
                        writer.writeComponent(X12CharacterSet.transliterate(component, delimiters));
                    }
                } else {
                    writer.writeElementData(X12CharacterSet.transliterate(element.value(), delimiters));
                }
            }
            writer.endElement();
        }
        writer.writeEndSegment();
    }

    private static void checkValues(Segment segment, Delimiters delimiters) {
        List<List<Element>> elements = segment.elements();
        for (int position = 1; position <= elements.size(); position++) {
            for (Element element : elements.get(position - 1)) {
                for (String component : element.components()) {
                    if (delimiters.occursIn(component)) {
                        throw new IllegalArgumentException(String.format(
                                "%s%02d contains an X12 delimiter", segment.id(), position));
                    }
                }
            }
        }
    }

    private EDIOutputFactory factory(Delimiters delimiters) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, delimiters.segment());
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, delimiters.element());
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, delimiters.component());
        factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, delimiters.repetition());
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, lineBreaks);
        return factory;
    }

    private static Schema controlSchema() {
        try {
            return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12, new String[] {ISA_VERSION});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI has no X12 " + ISA_VERSION + " control schema", e);
        }
    }

    private static String pad15(String id) {
        return String.format("%-15s", id);
    }
}
