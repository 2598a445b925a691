package dev.revcycle.eligibility.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityRequest270WriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T14:07:00Z"), ZoneOffset.UTC);

    private final EligibilityRequest270Writer writer = new EligibilityRequest270Writer(
            new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
            "REVCYCLE", "PAYERSANDBOX", "9REVCYCLE1", CLOCK);

    private static final InformationReceiver CLINIC = InformationReceiver.organization("C", "1234567893");

    private final EligibilityRequest request = new EligibilityRequest("EC-20260305-0001", "SANDBOX HEALTH", "SBX01",
            InformationReceiver.organization("BONE AND JOINT CLINIC", "1234567893"), "DOE", "JANE", "M12345", LocalDate.of(1980, 1, 1),
            LocalDate.of(2026, 3, 5), List.of("30", "98"));

    @Test
    void writesThe270SegmentBySegment() {
        String x270 = writer.write(42, request);

        assertThat(x270).isEqualTo(
                "ISA*00*          *00*          *ZZ*REVCYCLE       *ZZ*PAYERSANDBOX   *260305*1407*^*00501*000000042*0*T*:~"
                + "GS*HS*REVCYCLE*PAYERSANDBOX*20260305*1407*42*X*005010X279A1~"
                + "ST*270*0001*005010X279A1~"
                + "BHT*0022*13*EC-20260305-0001*20260305*1407~"
                + "HL*1**20*1~"
                + "NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~"
                + "HL*2*1*21*1~"
                + "NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893~"
                + "HL*3*2*22*0~"
                + "TRN*1*EC-20260305-0001*9REVCYCLE1~"
                + "NM1*IL*1*DOE*JANE****MI*M12345~"
                + "DMG*D8*19800101~"
                + "DTP*291*D8*20260305~"
                + "EQ*30~"
                + "EQ*98~"
                + "SE*14*0001~"
                + "GE*1*42~"
                + "IEA*1*000000042~");
    }

    @Test
    void staediReadsItWithoutErrorsAndItsControlNumbersAndCountsAgree() throws Exception {
        String x270 = writer.write(987654321, request);

        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(x270.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event.name().endsWith("_ERROR")) {
                    errors.add(event + " " + reader.getErrorType());
                }
            }
        }
        assertThat(errors).isEmpty();

        // The numbers, straight from the text.
        List<String[]> segments = Arrays.stream(x270.split("~")).map(s -> s.split("\\*", -1)).toList();
        String[] isa = segments.get(0);
        String[] gs = segments.get(1);
        String[] st = segments.get(2);
        String[] se = segments.get(segments.size() - 3);
        String[] ge = segments.get(segments.size() - 2);
        String[] iea = segments.get(segments.size() - 1);
        assertThat(isa[13]).isEqualTo("987654321").isEqualTo(iea[2]);
        assertThat(gs[6]).isEqualTo(ge[2]);
        assertThat(st[2]).isEqualTo(se[2]);
        assertThat(Integer.parseInt(se[1])).isEqualTo(segments.size() - 4);
        assertThat(ge[1]).isEqualTo("1");
        assertThat(iea[1]).isEqualTo("1");

        Interchange read = X12Reader.strict().read(x270);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.transactions().get(0).implementationGuide()).isEqualTo("005010X279A1");
    }

    @Test
    void itHasTheLoopsOfTheSample270ThatThePayerSandboxAnswers() throws Exception {
        TransactionSet ours = X12Reader.strict().read(writer.write(1, request)).transactions().get(0);
        TransactionSet shared = X12Reader.lenient().read(Samples.sample("x270_271_x270.txt")).transactions().get(0);

        assertThat(skeleton(ours)).isEqualTo(skeleton(shared));
    }

    @Test
    void aPersonAsksWithLastAndFirstName() throws Exception {
        EligibilityRequest asPerson = new EligibilityRequest("EC-1", "SANDBOX HEALTH", "SBX01",
                new InformationReceiver(true, "OKAFOR", "ANA", "1245319599"), "DOE", "JANE", "M12345",
                LocalDate.of(1980, 1, 1), LocalDate.of(2026, 3, 5), List.of("30"));
        String x270 = writer.write(3, asPerson);

        assertThat(x270).contains("HL*2*1*21*1~NM1*1P*1*OKAFOR*ANA****XX*1245319599~HL*3*2*22*0~");
        // without a first name NM104 is left out, and the segment still ends at the NPI
        String lastOnly = writer.write(4, new EligibilityRequest("EC-2", "SANDBOX HEALTH", "SBX01",
                new InformationReceiver(true, "OKAFOR", null, "1245319599"), "DOE", "JANE", "M12345",
                LocalDate.of(1980, 1, 1), LocalDate.of(2026, 3, 5), List.of("30")));
        assertThat(lastOnly).contains("NM1*1P*1*OKAFOR*****XX*1245319599~");
        assertThat(X12Reader.strict().read(x270).transactions()).hasSize(1);
    }

    @Test
    void aProvidersNameIsMadeWritable() {
        // accents dropped, a delimiter becomes a space, each name cut to its element (NM103 60, NM104 35)
        assertThat(InformationReceiver.writable(false, "Clínica San José*Norte", null, "1245319599"))
                .contains(new InformationReceiver(false, "Clinica San Jose Norte", null, "1245319599"));
        assertThat(InformationReceiver.writable(true, "L".repeat(70), "F".repeat(40), "1245319599").orElseThrow())
                .satisfies(r -> {
                    assertThat(r.lastOrOrganizationName()).hasSize(60);
                    assertThat(r.firstName()).hasSize(35);
                });
        // an organisation has no first name; nothing writable left of a name: no receiver
        assertThat(InformationReceiver.writable(false, "ACME", "X", "1245319599").orElseThrow().firstName()).isNull();
        assertThat(InformationReceiver.writable(true, "\uD83D\uDE00", "Ana", "1245319599")).isEmpty();
        assertThatThrownBy(() -> new InformationReceiver(false, "ACME", "X", "1245319599"))
                .hasMessageContaining("for a person only");
    }

    @Test
    void refusesIncompleteRequestsNamingTheFieldOnly() {
        assertThatThrownBy(() -> InformationReceiver.organization("C", "123"))
                .hasMessage("providerNpi must be ten digits");
        assertThatThrownBy(() -> new EligibilityRequest("T1", "P", "1", CLINIC, "DOE", "JANE", " ",
                LocalDate.of(1980, 1, 1), LocalDate.of(2026, 3, 5), List.of("30")))
                .hasMessage("memberId must be 1 to 80 characters");
        EligibilityRequest starred = new EligibilityRequest("T1", "P", "1", CLINIC, "O*BRIEN", "PAT",
                "M1", LocalDate.of(1980, 1, 1), LocalDate.of(2026, 3, 5), List.of("30"));
        assertThatThrownBy(() -> writer.write(1, starred))
                .hasMessage("NM103 contains an X12 delimiter");
        assertThat(starred.toString()).doesNotContain("BRIEN");
    }

    /** HL levels and the NM1/TRN/DMG/EQ that the sandbox reads, in order. */
    private static List<String> skeleton(TransactionSet transaction) {
        return transaction.segments().stream()
                .filter(s -> List.of("HL", "NM1", "TRN", "DMG", "EQ").contains(s.id()))
                .filter(s -> !s.id().equals("EQ") || s.element(1).equals("30"))
                .map(EligibilityRequest270WriterTest::shape)
                .toList();
    }

    private static String shape(Segment segment) {
        return switch (segment.id()) {
            case "HL" -> "HL " + segment.element(3);
            case "NM1" -> "NM1 " + segment.element(1);
            case "TRN" -> "TRN " + segment.element(1);
            default -> segment.id();
        };
    }
}
