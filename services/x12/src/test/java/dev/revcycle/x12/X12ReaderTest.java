package dev.revcycle.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs built here rather than taken from the samples: line breaks, truncation, trailing content, PHI. */
class X12ReaderTest {

    private static final String PHI_NAME = "ZEBEDIAH";
    private static final String PHI_MEMBER_ID = "W998877665";

    private final String written = new X12Writer(
            new InterchangeSettings("ZZ", "SENDER", "ZZ", "RECEIVER", UsageIndicator.TEST),
            Clock.fixed(Instant.parse("2026-03-05T14:07:00Z"), ZoneOffset.UTC))
            .write(77, new OutgoingGroup("HS", "SENDER", "RECEIVER", 3, "005010X279A1",
                    List.of(new OutgoingTransaction("270", List.of(
                            Segment.of("BHT", "0022", "13", "X", "20260305", "1407"),
                            Segment.of("HL", "3", "2", "22", "0"),
                            Segment.of("NM1", "IL", "1", PHI_NAME, "ANN", null, null, null, "MI", PHI_MEMBER_ID),
                            Segment.of("DMG", "D8", "19800101"))))));

    @Test
    void readsTheSameWithOrWithoutLineBreaks() throws Exception {
        Interchange oneLine = X12Reader.strict().read(written);
        Interchange crlf = X12Reader.strict().read("\r\n  " + written.replace("~", "~\r\n") + "\r\n\r\n");

        assertThat(crlf.transactions().get(0).segments()).isEqualTo(oneLine.transactions().get(0).segments());
        assertThat(crlf.transactions().get(0).first("NM1").orElseThrow().element(9)).isEqualTo(PHI_MEMBER_ID);
    }

    @Test
    void anImpossibleGroupDateIsNullNotTheNearestDay() throws Exception {
        Interchange read = X12Reader.lenient().read(written.replace("*20260305*1407*3*", "*20260231*1407*3*"));

        assertThat(read.groups().get(0).date()).isNull();
        assertThat(X12Reader.strict().read(written).groups().get(0).date()).isEqualTo(java.time.LocalDate.of(2026, 3, 5));
    }

    @Test
    void aTa1InTheInterchangeIsReadNotRefused() throws Exception {
        // A TA1 (interchange acknowledgement) sits between ISA and the first GS, or alone in its interchange.
        String ta1 = "TA1*000000042*260305*1407*R*022~";
        String beside = written.replace("~GS*", "~" + ta1 + "GS*");
        String alone = written.substring(0, written.indexOf("GS*")) + ta1 + "IEA*0*000000077~";

        for (X12Reader reader : List.of(X12Reader.strict(), X12Reader.lenient())) {
            Interchange withGroup = reader.read(beside);
            assertThat(withGroup.acknowledgments()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo("TA1");
                assertThat(t.element(1)).isEqualTo("000000042");
                assertThat(t.element(4)).isEqualTo("R");
                assertThat(t.element(5)).isEqualTo("022");
            });
            assertThat(withGroup.transactions()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("270"));
            assertThat(withGroup.warnings()).isEmpty();

            Interchange acknowledgmentOnly = reader.read(alone);
            assertThat(acknowledgmentOnly.acknowledgments()).extracting(t -> t.element(4)).containsExactly("R");
            assertThat(acknowledgmentOnly.groups()).isEmpty();
        }
        assertThat(X12Reader.strict().read(written).acknowledgments()).isEmpty();
    }

    @Test
    void aTa1InsideAGroupIsStillRefused() {
        String inside = written.replace("~ST*", "~TA1*000000042*260305*1407*A*000~ST*");

        assertThatThrownBy(() -> X12Reader.lenient().read(inside))
                .isInstanceOfSatisfying(X12Exception.class, e ->
                        assertThat(e.problem().kind()).isEqualTo(X12Problem.Kind.UNEXPECTED_SEGMENT));
    }

    @Test
    void refusesTruncatedInput() {
        String truncated = written.substring(0, written.indexOf("SE*"));

        assertThatThrownBy(() -> X12Reader.lenient().read(truncated))
                .isInstanceOfSatisfying(X12Exception.class, e -> assertThat(e.problem().kind()).isEqualTo(X12Problem.Kind.SYNTAX));
    }

    @Test
    void refusesASecondInterchangeInTheSameInput() {
        assertThatThrownBy(() -> X12Reader.lenient().read(written + written))
                .isInstanceOfSatisfying(X12Exception.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(X12Problem.Kind.UNEXPECTED_SEGMENT);
                    assertThat(e.problem().segmentPosition()).isEqualTo(11);
                });
    }

    @Test
    void refusesASegmentOutsideATransaction() {
        String stray = written.replace("GS*", "NM1*IL*1*" + PHI_NAME + "~GS*");

        assertThatThrownBy(() -> X12Reader.lenient().read(stray))
                .isInstanceOfSatisfying(X12Exception.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(X12Problem.Kind.UNEXPECTED_SEGMENT);
                    assertThat(e.getMessage()).isEqualTo("a segment outside any ST/SE transaction (segment 2, NM1)");
                });
    }

    @Test
    void noMessageEverCarriesAnElementValue() {
        List<String> broken = List.of(
                written.replace("SE*6*", "SE*9*"),                          // count
                written.replace("IEA*1*000000077", "IEA*1*000000078"),      // control number
                written.replace("NM1*IL*1*", "NM1**1*"),                    // mandatory NM101
                written.replace("DMG*", "Dm*"),                             // identifier
                written.replace("NM1*IL", "NM1^IL"),                        // repetition separator in the identifier
                "GS*" + PHI_NAME + "*" + PHI_MEMBER_ID);                    // no ISA
        for (String input : broken) {
            assertThatThrownBy(() -> X12Reader.strict().read(input))
                    .isInstanceOfSatisfying(X12Exception.class, e -> {
                        assertThat(e.getMessage()).doesNotContain(PHI_NAME, PHI_MEMBER_ID, "19800101", "ANN");
                        assertThat(e.problems()).extracting(X12Problem::message).allSatisfy(m ->
                                assertThat(m).doesNotContain(PHI_NAME, PHI_MEMBER_ID, "19800101"));
                    });
        }
    }

    @Test
    void segmentsDescribeThemselvesWithoutTheirValues() throws Exception {
        Segment subscriber = X12Reader.strict().read(written).transactions().get(0).first("NM1").orElseThrow();

        assertThat(subscriber).hasToString("NM1 segment at position 6 (9 elements)");
        assertThat(subscriber.element(42)).isEmpty();
        assertThat(subscriber.component(3, 2)).isEmpty();
        assertThatThrownBy(() -> subscriber.element(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strictReaderRefusesWhatTheLenientOneWarnsAbout() throws Exception {
        String wrongCount = written.replace("SE*6*0001", "SE*5*0001");

        assertThat(X12Reader.lenient().read(wrongCount).warnings()).extracting(X12Problem::message)
                .containsExactly("SE01 does not match the 6 segments counted in the transaction, ST and SE included"
                        + " (segment 8, SE01)");
        assertThatThrownBy(() -> X12Reader.strict().read(wrongCount))
                .isInstanceOfSatisfying(X12Exception.class, e ->
                        assertThat(e.problem().kind()).isEqualTo(X12Problem.Kind.COUNT_MISMATCH));
    }
}
