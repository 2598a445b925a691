package dev.revcycle.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The third-party samples (test resources x12/samples), written by others: what a caller of X12Reader sees for each. */
class X12ReaderSamplesTest {

    private static final List<String> PHI_IN_837_SAMPLES =
            List.of("ANGELASZEK", "HEALTH RECEIVER", "DOE", "JOHN", "123456", "CALVERTON");

    @Test
    void valid837IsReadWithItsEnvelopeAndSegmentsInOrder() throws Exception {
        Interchange interchange = X12Reader.lenient().read(Samples.text("837_5010_x12_valid.txt"));

        assertThat(interchange.senderQualifier()).isEqualTo("ZZ");
        assertThat(interchange.senderId()).isEqualTo("SUBMITTERS.ID");
        assertThat(interchange.receiverQualifier()).isEqualTo("ZZ");
        assertThat(interchange.receiverId()).isEqualTo("RECEIVERS.ID");
        assertThat(interchange.version()).isEqualTo("00501");
        assertThat(interchange.controlNumber()).isEqualTo("000000905");
        assertThat(interchange.acknowledgmentRequested()).isTrue();
        assertThat(interchange.usage()).isEqualTo(UsageIndicator.TEST);
        // ISA11 here is the 4010 standards identifier "U", not a repetition separator.
        assertThat(interchange.delimiters()).isEqualTo(new Delimiters('~', '*', ':', '\0'));

        assertThat(interchange.groups()).hasSize(1);
        FunctionalGroup group = interchange.groups().get(0);
        assertThat(group.functionalIdCode()).isEqualTo("HC");
        assertThat(group.applicationSender()).isEqualTo("SENDER CODE");
        assertThat(group.applicationReceiver()).isEqualTo("RECEIVER CODE");
        assertThat(group.date()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(group.controlNumber()).isEqualTo("1");
        assertThat(group.version()).isEqualTo("005010X222A1");

        TransactionSet claim = group.transactions().get(0);
        assertThat(claim.type()).isEqualTo("837");
        assertThat(claim.controlNumber()).isEqualTo("987654");
        assertThat(claim.implementationGuide()).isEqualTo("005010X222A1");
        assertThat(claim.segments()).hasSize(32);
        assertThat(claim.segmentCount()).isEqualTo(34);
        assertThat(claim.segments().get(0).id()).isEqualTo("BHT");
        assertThat(claim.segments().get(31).id()).isEqualTo("DTP");

        Segment subscriber = claim.segments("NM1").stream().filter(s -> s.element(1).equals("IL")).findFirst().orElseThrow();
        assertThat(subscriber.element(3)).isEqualTo("DOE");
        assertThat(subscriber.element(4)).isEqualTo("JOHN");
        assertThat(subscriber.element(8)).isEqualTo("MI");
        assertThat(subscriber.element(9)).isEqualTo("123456");
        assertThat(subscriber.element(10)).isEmpty();
        assertThat(subscriber.position()).isEqualTo(20);

        Segment clm = claim.first("CLM").orElseThrow();
        assertThat(clm.element(2)).isEqualTo("500");
        assertThat(clm.component(5, 1)).isEqualTo("11");
        assertThat(clm.component(5, 2)).isEqualTo("B");
        assertThat(clm.component(5, 3)).isEqualTo("1");
        assertThat(claim.first("SV1").orElseThrow().component(1, 2)).isEqualTo("99211");
    }

    @Test
    void valid837CarriesAWrongSegmentCountWhichLenientReportsAndStrictRefuses() throws Exception {
        // SE*25 closes a transaction of 34 segments; the sample's authors never checked it.
        Interchange interchange = X12Reader.lenient().read(Samples.text("837_5010_x12_valid.txt"));
        assertThat(interchange.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(X12Problem.Kind.COUNT_MISMATCH);
            assertThat(warning.segmentId()).isEqualTo("SE");
            assertThat(warning.segmentPosition()).isEqualTo(36);
            assertThat(warning.elementPosition()).isEqualTo(1);
        });

        assertThatThrownBy(() -> X12Reader.strict().read(Samples.text("837_5010_x12_valid.txt")))
                .isInstanceOf(X12Exception.class)
                .hasMessage("SE01 does not match the 34 segments counted in the transaction, ST and SE included"
                        + " (segment 36, SE01)");
    }

    @Test
    void differentSeparatorsGiveTheSameSegmentsAsStandardOnes() throws Exception {
        Interchange standard = X12Reader.lenient().read(Samples.text("837_5010_x12_valid.txt"));
        Interchange different = X12Reader.lenient().read(Samples.text("837_5010_x12_valid_different_separators.txt"));

        assertThat(different.delimiters().segment()).isEqualTo('_');
        assertThat(different.delimiters().element()).isEqualTo('~');
        assertThat(different.delimiters().component()).isEqualTo('^');
        assertThat(different.transactions().get(0).segments()).isEqualTo(standard.transactions().get(0).segments());
        assertThat(different.transactions().get(0).first("CLM").orElseThrow().component(5, 2)).isEqualTo("B");
    }

    @Test
    void noIsaLineIsRefusedWhateverTheMode() {
        for (X12Reader reader : List.of(X12Reader.strict(), X12Reader.lenient())) {
            assertThatThrownBy(() -> reader.read(Samples.text("837_5010_x12_no_isa_line.txt")))
                    .isInstanceOfSatisfying(X12Exception.class, e ->
                            assertThat(e.problem().kind()).isEqualTo(X12Problem.Kind.NO_INTERCHANGE_HEADER))
                    .hasMessage("input does not start with an ISA interchange header");
        }
    }

    @Test
    void badSegmentIdentifiersAreEachNamedByPositionWithoutTheirContent() {
        // Line 6 has no identifier, line 11 reads "Nd4", line 20 "NM31".
        assertThatThrownBy(() -> X12Reader.lenient().read(Samples.text("837_5010_x12_bad_segment_identifier.txt")))
                .isInstanceOfSatisfying(X12Exception.class, e -> {
                    assertThat(e.problems()).extracting(X12Problem::kind).containsOnly(X12Problem.Kind.INVALID_SEGMENT_ID);
                    assertThat(e.problems()).extracting(X12Problem::segmentPosition).containsExactly(6, 11, 20);
                    assertThat(e.getMessage()).isEqualTo("segment identifier is missing or not two or three upper-case"
                            + " letters or digits (segment 6) and 2 more problem(s)");
                    assertNoPhi(e);
                    assertThat(e.getMessage()).doesNotContain("Nd4", "NM31", "IC");
                });
    }

    @Test
    void missingMandatoryElementsAreNamedBySegmentAndElement() {
        // NM1*40**HEALTH RECEIVER lacks NM102; the second CLM lacks CLM05 (place of service).
        assertThatThrownBy(() -> X12Reader.lenient().read(Samples.text("837_5010_x12_missing_elements.txt")))
                .isInstanceOfSatisfying(X12Exception.class, e -> {
                    assertThat(e.problems()).extracting(X12Problem::kind)
                            .containsExactly(X12Problem.Kind.MANDATORY_ELEMENT_MISSING, X12Problem.Kind.MANDATORY_ELEMENT_MISSING);
                    assertThat(e.problems()).extracting(p -> p.segmentId() + p.elementPosition() + "@" + p.segmentPosition())
                            .containsExactly("NM12@7", "CLM5@31");
                    assertThat(e.getMessage()).startsWith("a mandatory element is empty (segment 7, NM102)");
                    assertNoPhi(e);
                });
    }

    @Test
    void segmentsOutOfOrderAreReturnedAsSentForTheTransactionReaderToJudge() throws Exception {
        // Loop order belongs to the 837 implementation guide, which a generic reader does not know: the
        // caller sees REF before N4 exactly as the sender wrote it.
        TransactionSet claim = X12Reader.lenient().read(Samples.text("837_5010_x12_segments_out_of_order.txt"))
                .transactions().get(0);
        List<String> ids = claim.segments().stream().map(Segment::id).toList();
        assertThat(ids.subList(5, 11)).containsExactly("NM1", "N3", "REF", "N4", "PER", "PER");
        assertThat(ids.subList(11, 14)).containsExactly("NM1", "N4", "N3");
    }

    @Test
    void acknowledgementWithBadTimeAndControlNumberIsReadLenientlyWithBothWarnings() throws Exception {
        Interchange ack = X12Reader.lenient().read(Samples.text("837_5010_x12_999_accepted.txt"));

        assertThat(ack.transactions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("999");
            assertThat(t.implementationGuide()).isEqualTo("005010X231A1");
            assertThat(t.first("IK5").orElseThrow().element(1)).isEqualTo("A");
            assertThat(t.first("AK9").orElseThrow().element(4)).isEqualTo("1");
        });
        assertThat(ack.warnings()).extracting(p -> p.kind() + " " + p.segmentId() + p.elementPosition())
                .containsExactly("INVALID_ENVELOPE_ELEMENT GS5", "CONTROL_NUMBER_MISMATCH IEA2");

        assertThatThrownBy(() -> X12Reader.strict().read(Samples.text("837_5010_x12_999_accepted.txt")))
                .isInstanceOfSatisfying(X12Exception.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("envelope element: invalid time (segment 2, GS05)");
    }

    @Test
    void valid277CaIsReadStrictly() throws Exception {
        Interchange ack = X12Reader.strict().read(Samples.text("277_5010_x12_277CA_accepted.txt"));

        TransactionSet status = ack.transactions().get(0);
        assertThat(status.type()).isEqualTo("277");
        assertThat(status.segmentCount()).isEqualTo(23);
        assertThat(status.segments("STC")).extracting(s -> s.component(1, 1)).containsExactly("A1", "A2");
        assertThat(ack.warnings()).isEmpty();
    }

    @Test
    void eligibilityResponseWithOtherComponentSeparatorIsRead() throws Exception {
        Interchange response = X12Reader.lenient().read(Samples.text("x270_271_x271.txt"));

        assertThat(response.delimiters().component()).isEqualTo('>');
        assertThat(response.version()).isEqualTo("00401");
        assertThat(response.usage()).isEqualTo(UsageIndicator.PRODUCTION);
        assertThat(response.groups().get(0).version()).isEqualTo("004010X092A1");
        TransactionSet eligibility = response.transactions().get(0);
        assertThat(eligibility.implementationGuide()).isEqualTo("005010X279A1");
        assertThat(eligibility.first("EB").orElseThrow().element(1)).isEqualTo("1");
        assertThat(response.warnings()).extracting(X12Problem::kind)
                .containsExactly(X12Problem.Kind.COUNT_MISMATCH, X12Problem.Kind.CONTROL_NUMBER_MISMATCH);
    }

    @Test
    void largeInterchangeIsReadWhole() throws Exception {
        Interchange many = X12Reader.lenient().read(Samples.text("837_5010_x12_many_claims.txt"));

        assertThat(many.transactions()).hasSize(1);
        assertThat(many.transactions().get(0).segmentCount()).isEqualTo(11486);
        assertThat(many.transactions().get(0).segments("CLM")).hasSize(820);
    }

    @Test
    void everyWellFormedSampleIsReadLeniently() throws Exception {
        for (String name : List.of("277_5010_x12_277CA_rejected.txt", "277_5010_x12_277_x212.txt",
                "837_5010_x12_999_rejected.txt", "837_5010_x12_complex.txt", "837_5010_x223-test.txt",
                "x270_271_x270.txt")) {
            Interchange interchange = X12Reader.lenient().read(Samples.text(name));
            assertThat(interchange.transactions()).as(name).isNotEmpty();
        }
    }

    private static void assertNoPhi(X12Exception e) {
        for (X12Problem problem : e.problems()) {
            assertThat(problem.message()).doesNotContain(PHI_IN_837_SAMPLES);
        }
        assertThat(e.getMessage()).doesNotContain(PHI_IN_837_SAMPLES);
    }
}
