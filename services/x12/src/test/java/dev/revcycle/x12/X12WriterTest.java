package dev.revcycle.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12WriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T14:07:00Z"), ZoneOffset.UTC);
    private static final InterchangeSettings SETTINGS =
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST);

    @Test
    void writesTheEnvelopeAroundTheBodyWithAgreeingNumbersAndCounts() {
        OutgoingGroup group = new OutgoingGroup("HS", "REVCYCLE", "PAYER", 17, "005010X279A1",
                List.of(new OutgoingTransaction("270", List.of(
                        Segment.of("BHT", "0022", "13", "REF1", "20260305", "1407"),
                        Segment.of("HL", "1", null, "20", "1")))));

        String x12 = new X12Writer(SETTINGS, CLOCK).write(42, group);

        assertThat(x12).isEqualTo("ISA*00*          *00*          *ZZ*REVCYCLE       *ZZ*PAYERSANDBOX   *260305*1407*^*00501"
                + "*000000042*0*T*:~"
                + "GS*HS*REVCYCLE*PAYER*20260305*1407*17*X*005010X279A1~"
                + "ST*270*0001*005010X279A1~"
                + "BHT*0022*13*REF1*20260305*1407~"
                + "HL*1**20*1~"
                + "SE*4*0001~"
                + "GE*1*17~"
                + "IEA*1*000000042~");
    }

    @Test
    void takesDatesFromTheClockInItsZone() {
        Clock newYork = Clock.fixed(Instant.parse("2026-01-01T02:30:00Z"), ZoneId.of("America/New_York"));
        InterchangeSettings production = new InterchangeSettings("30", "123456789", "ZZ", "CLEARINGHOUSE",
                UsageIndicator.PRODUCTION, true, Delimiters.STANDARD);

        String x12 = new X12Writer(production, newYork).write(1, eligibilityGroup(5, 1));

        assertThat(x12).startsWith("ISA*00*          *00*          *30*123456789      *ZZ*CLEARINGHOUSE  *251231*2130*^*00501"
                + "*000000001*1*P*:~GS*HS*REVCYCLE*PAYER*20251231*2130*5*X*005010X279A1~");
    }

    @Test
    void roundTripThroughStaediHasNoErrorsAndMatchingCounts() throws Exception {
        List<OutgoingGroup> groups = List.of(eligibilityGroup(7, 3), eligibilityGroup(8, 2));

        String x12 = new X12Writer(SETTINGS, CLOCK).withLineBreaks().write(123456789, groups);

        // Straight through StAEDI, with its control-structure validation on: not one error event.
        List<String> errors = new ArrayList<>();
        int segments = 0;
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_SEGMENT) {
                    segments++;
                } else if (event.name().endsWith("_ERROR")) {
                    errors.add(event + " " + reader.getErrorType() + " at " + reader.getLocation().getSegmentTag());
                }
            }
        }
        assertThat(errors).isEmpty();
        // ISA + IEA, 2 × (GS + GE), 5 transactions × (ST + 3 body + SE)
        assertThat(segments).isEqualTo(2 + 4 + 5 * 5);

        // And through X12Reader, strictly: the numbers a partner would check.
        Interchange read = X12Reader.strict().read(x12);
        assertThat(read.controlNumber()).isEqualTo("123456789");
        assertThat(read.warnings()).isEmpty();
        assertThat(read.groups()).extracting(FunctionalGroup::controlNumber).containsExactly("7", "8");
        assertThat(read.groups().get(0).transactions()).extracting(TransactionSet::controlNumber)
                .containsExactly("0001", "0002", "0003");
        assertThat(read.groups().get(1).transactions()).extracting(TransactionSet::controlNumber)
                .containsExactly("0001", "0002");
        assertThat(read.transactions()).allSatisfy(t -> {
            assertThat(t.segmentCount()).isEqualTo(5);
            assertThat(t.implementationGuide()).isEqualTo("005010X279A1");
        });
        assertThat(x12.lines()).contains("IEA*2*123456789~", "GE*3*7~", "GE*2*8~", "SE*5*0003~");
    }

    @Test
    void compositesAndRepetitionsSurviveTheRoundTrip() throws Exception {
        Segment sv1 = Segment.builder("SV1").composite("HC", "99213", "25").element("100.00").element("UN")
                .element("1").element(null).element(null).composite("1", "2").build();
        Segment eq = Segment.builder("EQ").repeated(Element.of("30"), Element.of("1"), Element.of("98")).build();
        OutgoingGroup group = new OutgoingGroup("HC", "SUBMITTER", "PAYER", 1, "005010X222A1",
                List.of(new OutgoingTransaction("837", List.of(sv1, eq))));

        String x12 = new X12Writer(SETTINGS, CLOCK).write(9, group);
        TransactionSet read = X12Reader.strict().read(x12).transactions().get(0);

        assertThat(x12).contains("~SV1*HC:99213:25*100.00*UN*1***1:2~EQ*30^1^98~");
        assertThat(read.segments()).containsExactly(sv1, eq);
        assertThat(read.segments().get(0).component(1, 2)).isEqualTo("99213");
        assertThat(read.segments().get(1).repetitions(1)).extracting(Element::value).containsExactly("30", "1", "98");
    }

    @Test
    void refusesAValueContainingADelimiterWithoutQuotingIt() {
        OutgoingGroup group = new OutgoingGroup("HS", "SUBMITTER", "PAYER", 1, "005010X279A1", List.of(new OutgoingTransaction("270",
                List.of(Segment.of("NM1", "IL", "1", "O*BRIEN")))));

        assertThatThrownBy(() -> new X12Writer(SETTINGS, CLOCK).write(1, group))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NM103 contains an X12 delimiter");
    }

    @Test
    void refusesEnvelopeValuesOutsideTheirRanges() {
        assertThatThrownBy(() -> new InterchangeSettings("ZZ", "SIXTEEN-CHARS-ID", "ZZ", "R", UsageIndicator.TEST))
                .hasMessage("sender id (ISA06) must be 1 to 15 characters");
        assertThatThrownBy(() -> new X12Writer(SETTINGS, CLOCK).write(1_000_000_000L, eligibilityGroup(1, 1)))
                .hasMessage("interchange control number (ISA13) must be 1 to 999999999");
        assertThatThrownBy(() -> new OutgoingTransaction("270", List.of(Segment.of("SE", "1", "1"))))
                .hasMessage("the body holds SE; envelope segments are written by X12Writer");
        assertThatThrownBy(() -> new OutgoingGroup("HS", "A", "PAYER", 1, "005010X279A1", List.of()))
                .hasMessage("application sender (GS02) must be 2 to 15 characters");
    }

    private static OutgoingGroup eligibilityGroup(long controlNumber, int transactions) {
        List<OutgoingTransaction> list = new ArrayList<>();
        for (int i = 1; i <= transactions; i++) {
            list.add(new OutgoingTransaction("270", List.of(
                    Segment.of("BHT", "0022", "13", "T" + i, "20260305", "1407"),
                    Segment.of("HL", "1", null, "20", "1"),
                    Segment.of("NM1", "PR", "2", "PAYER", null, null, null, null, "PI", "12345"))));
        }
        return new OutgoingGroup("HS", "REVCYCLE", "PAYER", controlNumber, "005010X279A1", list);
    }
}
