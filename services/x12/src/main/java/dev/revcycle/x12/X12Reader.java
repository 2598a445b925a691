package dev.revcycle.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one X12 interchange, whatever its delimiters and with or without line breaks between segments,
 * into an {@link Interchange}.
 *
 * <p>TA1 interchange acknowledgements between ISA and the groups are read into {@link Interchange#acknowledgments()}.
 *
 * <p>Always refused, with an {@link X12Exception}: input that does not start with ISA, a segment
 * identifier that is not two or three upper-case letters or digits, text that cannot be tokenised,
 * a segment outside the ISA/GS/ST nesting, and an empty element the X12 base standard makes mandatory
 * (NM101, NM102, CLM05 …).
 *
 * <p>Envelope agreement — SE01/GE01/IEA01 counts, SE02/GE02/IEA02 control numbers, the form of ISA/GS/ST
 * elements — is refused by a {@link #strict()} reader. A {@link #lenient()} reader lets it through and lists it
 * in {@link Interchange#warnings()}: partners' files often carry wrong counts while their content is
 * sound, and a caller such as an eligibility check is better served by the content and the warning.
 *
 * <p>What a given implementation guide requires (loops, segment order, situational elements) is not
 * checked here: that belongs to the reader of that transaction. Instances are immutable and thread-safe.
 */
public final class X12Reader {

    // STRICT: the default SMART style would turn 20260231 into Feb 28 instead of refusing it.
    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final boolean strict;

    private X12Reader(boolean strict) {
        this.strict = strict;
    }

    /** A reader that refuses any envelope disagreement. */
    public static X12Reader strict() {
        return new X12Reader(true);
    }

    /** A reader that reports envelope disagreements as warnings and refuses only what it cannot read. */
    public static X12Reader lenient() {
        return new X12Reader(false);
    }

    public Interchange read(String x12) throws X12Exception {
        return read(x12.getBytes(StandardCharsets.UTF_8));
    }

    public Interchange read(Path file) throws X12Exception, IOException {
        return read(Files.readAllBytes(file));
    }

    public Interchange read(InputStream in) throws X12Exception, IOException {
        return read(in.readAllBytes());
    }

    private Interchange read(byte[] bytes) throws X12Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = startOfInterchange(text);
        if (start < 0) {
            throw new X12Exception(X12Problem.at(X12Problem.Kind.NO_INTERCHANGE_HEADER, 0, "", 0,
                    "input does not start with an ISA interchange header"));
        }
        checkSegmentIds(text, start);
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // Line breaks after segment terminators are common in files people edit by hand.
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        InputStream in = new ByteArrayInputStream(text.substring(start).getBytes(StandardCharsets.UTF_8));
        try (EDIStreamReader reader = factory.createEDIStreamReader(in, StandardCharsets.UTF_8.name())) {
            return new Assembly(reader).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDIStreamException e) {
            // StAEDI's own message can quote input characters, so it is not passed on.
            throw new X12Exception(X12Problem.at(X12Problem.Kind.SYNTAX, 0, "", 0,
                    "the interchange cannot be read as X12 (delimiters, ISA length or truncated text)"));
        }
    }

    /** Index of "ISA" after an optional byte-order mark and white space, or -1. */
    private static int startOfInterchange(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        // 106 characters: the fixed-length ISA, whose 4th and 106th characters are the delimiters.
        return text.startsWith("ISA", i) && text.length() - i >= 106 ? i : -1;
    }

    /**
     * StAEDI stops at the first unreadable identifier with a message that quotes the input; scanning first
     * lets us name every bad segment by position and nothing else.
     */
    private static void checkSegmentIds(String text, int start) throws X12Exception {
        char elementSeparator = text.charAt(start + 3);
        char segmentTerminator = text.charAt(start + 105);
        List<X12Problem> problems = new ArrayList<>();
        int position = 0;
        int from = start;
        while (from < text.length()) {
            int end = text.indexOf(segmentTerminator, from);
            if (end < 0) {
                end = text.length();
            }
            String segment = text.substring(from, end).strip();
            from = end + 1;
            if (segment.isEmpty()) {
                continue;
            }
            position++;
            int cut = segment.indexOf(elementSeparator);
            String id = cut < 0 ? segment : segment.substring(0, cut);
            if (!Segment.ID.matcher(id).matches()) {
                problems.add(X12Problem.at(X12Problem.Kind.INVALID_SEGMENT_ID, position, "", 0,
                        "segment identifier is missing or not two or three upper-case letters or digits"));
            }
        }
        if (!problems.isEmpty()) {
            throw new X12Exception(problems);
        }
    }

    /** One pass over StAEDI's events, building the interchange. */
    private final class Assembly {
        private final EDIStreamReader reader;
        private final List<X12Problem> errors = new ArrayList<>();
        private final List<X12Problem> warnings = new ArrayList<>();

        private String segmentId;
        private int segmentPosition;
        private List<List<Element>> elements;
        private List<String> composite;

        private Segment isa;
        private Delimiters delimiters;
        private boolean interchangeClosed;
        private final List<FunctionalGroup> groups = new ArrayList<>();
        private final List<Segment> acknowledgments = new ArrayList<>();
        private Segment gs;
        private List<TransactionSet> transactions;
        private Segment st;
        private List<Segment> body;

        Assembly(EDIStreamReader reader) {
            this.reader = reader;
        }

        Interchange run() throws EDIStreamException, X12Exception {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> startSegment();
                    case START_COMPOSITE -> composite = new ArrayList<>();
                    case END_COMPOSITE -> {
                        put(new Element(composite.isEmpty() ? List.of("") : composite));
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            composite.add(reader.getText());
                        } else {
                            put(Element.of(reader.getText()));
                        }
                    }
                    case END_SEGMENT -> endSegment();
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> validationError();
                    default -> {
                        // Interchange, group, transaction and loop boundaries are taken from the segments.
                    }
                }
            }
            if (isa == null || !interchangeClosed) {
                errors.add(X12Problem.at(X12Problem.Kind.SYNTAX, segmentPosition, "", 0,
                        "the interchange ends without its IEA trailer"));
            }
            if (!errors.isEmpty()) {
                throw new X12Exception(errors);
            }
            return new Interchange(isa.element(5), isa.element(6).strip(), isa.element(7), isa.element(8).strip(),
                    isa.element(12), isa.element(13), "1".equals(isa.element(14)),
                    UsageIndicator.fromCode(isa.element(15)), delimiters, groups, acknowledgments, warnings);
        }

        private void startSegment() {
            Location location = reader.getLocation();
            segmentId = reader.getText();
            segmentPosition = location.getSegmentPosition();
            elements = new ArrayList<>();
        }

        private void put(Element element) {
            int position = reader.getLocation().getElementPosition();
            while (elements.size() < position) {
                elements.add(new ArrayList<>());
            }
            elements.get(Math.max(position, 1) - 1).add(element);
        }

        private void endSegment() {
            Segment segment = new Segment(segmentId, segmentPosition, elements);
            if (interchangeClosed) {
                unexpected(segment, "a segment follows the IEA trailer; one interchange is read at a time");
                return;
            }
            switch (segment.id()) {
                case "ISA" -> {
                    isa = segment;
                    delimiters = delimiters(reader.getDelimiters());
                }
                case "GS" -> {
                    if (gs != null) {
                        unexpected(segment, "GS inside an open functional group");
                    }
                    gs = segment;
                    transactions = new ArrayList<>();
                }
                case "ST" -> {
                    if (gs == null || st != null) {
                        unexpected(segment, "ST outside a functional group or inside an open transaction");
                    }
                    st = segment;
                    body = new ArrayList<>();
                }
                case "SE" -> {
                    if (st == null || transactions == null) {
                        unexpected(segment, "SE without its ST");
                        return;
                    }
                    String guide = st.has(3) ? st.element(3) : gs.element(8);
                    transactions.add(new TransactionSet(st.element(1), st.element(2), guide, body));
                    st = null;
                    body = null;
                }
                case "GE" -> {
                    if (gs == null || st != null) {
                        unexpected(segment, "GE without its GS, or before the open transaction's SE");
                        return;
                    }
                    groups.add(new FunctionalGroup(gs.element(1), gs.element(2), gs.element(3), date(gs.element(4)),
                            gs.element(6), gs.element(8), transactions));
                    gs = null;
                    transactions = null;
                }
                case "TA1" -> {
                    // The interchange acknowledgement: envelope level, outside any group.
                    if (gs != null) {
                        unexpected(segment, "TA1 inside a functional group");
                        return;
                    }
                    acknowledgments.add(segment);
                }
                case "IEA" -> {
                    if (gs != null) {
                        unexpected(segment, "IEA before the open group's GE");
                    }
                    interchangeClosed = true;
                }
                default -> {
                    if (st == null) {
                        unexpected(segment, "a segment outside any ST/SE transaction");
                        return;
                    }
                    int missing = MandatoryElements.firstMissing(segment);
                    if (missing > 0) {
                        errors.add(X12Problem.at(X12Problem.Kind.MANDATORY_ELEMENT_MISSING, segment.position(),
                                segment.id(), missing, "a mandatory element is empty"));
                    }
                    body.add(segment);
                }
            }
        }

        private void unexpected(Segment segment, String what) {
            errors.add(X12Problem.at(X12Problem.Kind.UNEXPECTED_SEGMENT, segment.position(), segment.id(), 0, what));
        }

        private void validationError() {
            Location location = reader.getLocation();
            EDIStreamValidationError type = reader.getErrorType();
            String id = location.getSegmentTag() == null ? "" : location.getSegmentTag();
            int position = location.getSegmentPosition();
            int element = Math.max(location.getElementPosition(), 0);
            X12Problem problem = switch (type) {
                case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> X12Problem.at(X12Problem.Kind.COUNT_MISMATCH,
                        position, id, element, countMismatch(id));
                case CONTROL_REFERENCE_MISMATCH -> X12Problem.at(X12Problem.Kind.CONTROL_NUMBER_MISMATCH,
                        position, id, element, controlMismatch(id));
                default -> X12Problem.at(X12Problem.Kind.INVALID_ENVELOPE_ELEMENT, position, id, element,
                        "envelope element: " + type.name().toLowerCase().replace('_', ' '));
            };
            (strict ? errors : warnings).add(problem);
        }

        private String countMismatch(String id) {
            return switch (id) {
                case "SE" -> "SE01 does not match the " + (body == null ? 0 : body.size() + 2)
                        + " segments counted in the transaction, ST and SE included";
                case "GE" -> "GE01 does not match the " + (transactions == null ? 0 : transactions.size())
                        + " transactions counted in the group";
                case "IEA" -> "IEA01 does not match the " + groups.size() + " functional groups counted";
                default -> "a control count does not match what was counted";
            };
        }

        private static String controlMismatch(String id) {
            return switch (id) {
                case "SE" -> "SE02 does not repeat the transaction's ST02 control number";
                case "GE" -> "GE02 does not repeat the group's GS06 control number";
                case "IEA" -> "IEA02 does not repeat the interchange's ISA13 control number";
                default -> "a trailer control number does not repeat its header's";
            };
        }

        private static Delimiters delimiters(Map<String, Character> found) {
            // 4010 interchanges have no repetition separator (ISA11 is the standards identifier).
            Character repetition = found.get(EDIStreamConstants.Delimiters.REPETITION);
            return new Delimiters(found.get(EDIStreamConstants.Delimiters.SEGMENT),
                    found.get(EDIStreamConstants.Delimiters.DATA_ELEMENT),
                    found.get(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT),
                    repetition == null || Character.isLetterOrDigit(repetition) || Character.isWhitespace(repetition)
                            ? '\0' : repetition);
        }

        private static LocalDate date(String ccyymmdd) {
            try {
                return LocalDate.parse(ccyymmdd, CCYYMMDD);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
