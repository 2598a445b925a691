package dev.revcycle.eligibility.x12;

import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.X12Writer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes an 005010X279A1 270 for one subscriber: payer (2100A), provider (2100B, a person or an organisation),
 * subscriber with trace number, member id, date of birth and service date (2100C), one EQ per service type (2110C).
 */
public final class EligibilityRequest270Writer {

    public static final String IMPLEMENTATION_GUIDE = "005010X279A1";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final InterchangeSettings settings;
    private final String applicationSender;
    private final String applicationReceiver;
    private final String traceAssigner;
    private final Clock clock;

    /**
     * @param settings            ISA parties and usage indicator
     * @param applicationSender   GS02
     * @param applicationReceiver GS03
     * @param traceAssigner       TRN03: who assigned the trace number, "1" + our EIN or "9" + an assigned id (10 characters)
     * @param clock               BHT and envelope dates and times
     */
    public EligibilityRequest270Writer(InterchangeSettings settings, String applicationSender,
            String applicationReceiver, String traceAssigner, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.applicationSender = Objects.requireNonNull(applicationSender, "applicationSender");
        this.applicationReceiver = Objects.requireNonNull(applicationReceiver, "applicationReceiver");
        if (traceAssigner == null || !traceAssigner.matches("[19][A-Z0-9]{9}")) {
            throw new IllegalArgumentException("traceAssigner must be 10 characters starting with 1 or 9");
        }
        this.traceAssigner = traceAssigner;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param controlNumber ISA13 and GS06, kept by the caller so each interchange has its own
     * @throws IllegalArgumentException when a value contains an X12 delimiter; the message names the element only
     */
    public String write(long controlNumber, EligibilityRequest request) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0022", "13", request.traceNumber(), now.format(CCYYMMDD), now.format(HHMM)));
        body.add(Segment.of("HL", "1", null, "20", "1"));
        body.add(Segment.of("NM1", "PR", "2", request.payerName(), null, null, null, null, "PI", request.payerId()));
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        InformationReceiver provider = request.provider();
        body.add(Segment.of("NM1", "1P", provider.code().x12, provider.lastOrOrganizationName(), provider.firstName(),
                null, null, null, "XX", provider.npi()));
        body.add(Segment.of("HL", "3", "2", "22", "0"));
        body.add(Segment.of("TRN", "1", request.traceNumber(), traceAssigner));
        body.add(Segment.of("NM1", "IL", "1", request.subscriberLastName(), request.subscriberFirstName(), null, null,
                null, "MI", request.memberId()));
        body.add(Segment.of("DMG", "D8", request.dateOfBirth().format(CCYYMMDD)));
        body.add(Segment.of("DTP", "291", "D8", request.serviceDate().format(CCYYMMDD)));
        for (String serviceType : request.serviceTypeCodes()) {
            body.add(Segment.of("EQ", serviceType));
        }
        OutgoingGroup group = new OutgoingGroup("HS", applicationSender, applicationReceiver, controlNumber,
                IMPLEMENTATION_GUIDE, List.of(new OutgoingTransaction("270", body)));
        return new X12Writer(settings, clock).write(controlNumber, group);
    }
}
