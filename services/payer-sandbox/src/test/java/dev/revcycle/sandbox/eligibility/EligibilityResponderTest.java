package dev.revcycle.sandbox.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.sandbox.rules.Fault;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The responder without HTTP: the 271 each rule produces, read back strictly with revcycle-x12. */
class EligibilityResponderTest {

    private final EligibilityResponder responder = new EligibilityResponder(Inquiries.CLOCK);

    @Test
    void activeMemberGetsPlanDatesAndTheFixedBenefitSet() throws Exception {
        EligibilityAnswer answer = responder.answer(Inquiries.x270("M12345"));

        assertThat(answer.fault()).isEqualTo(Fault.NONE);
        Interchange response = X12Reader.strict().read(answer.body());
        TransactionSet eligibility = response.transactions().get(0);
        assertThat(lines(eligibility)).containsExactly(
                "BHT*0022*11*BATCH-7*20260305*1407",
                "HL*1**20*1",
                "NM1*PR*2*SANDBOX HEALTH PLAN*****PI*SBX01",
                "HL*2*1*21*1",
                "NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893",
                "HL*3*2*22*0",
                "TRN*2*TRACE-1*9REVCYCLE",
                "NM1*IL*1*DOEA*JANE****MI*M12345",
                "DMG*D8*19800101*F",
                "DTP*346*D8*20250101",
                "DTP*347*D8*20251231",
                "EB*1*IND*30**SANDBOX PPO",
                "EB*B*IND*98***27*25",
                "EB*A*IND*30*****0.2",
                "EB*C*IND*30***23*1500",
                "EB*C*IND*30***29*500",
                "EB*G*IND*30***23*6000",
                "EB*G*IND*30***29*4500");
    }

    @Test
    void theEnvelopeTurnsTheInquiryAround() throws Exception {
        Interchange response = X12Reader.strict().read(responder.answer(Inquiries.x270("M12345")).body());

        assertThat(response.senderId()).isEqualTo("PAYERSANDBOX");
        assertThat(response.receiverId()).isEqualTo("CLINIC");
        assertThat(response.controlNumber()).isEqualTo("000004321");
        assertThat(response.groups().get(0).functionalIdCode()).isEqualTo("HB");
        assertThat(response.groups().get(0).applicationSender()).isEqualTo("PAYERSANDBOX");
        assertThat(response.groups().get(0).version()).isEqualTo("005010X279A1");
        assertThat(response.transactions().get(0).type()).isEqualTo("271");
        assertThat(response.warnings()).isEmpty();
    }

    @Test
    void memberIdEndingIn00IsInactiveWithoutBenefits() throws Exception {
        TransactionSet eligibility = answer271("M12300");

        assertThat(eligibility.segments("EB")).extracting(this::line).containsExactly("EB*6*IND*30");
        assertThat(eligibility.segments("AAA")).isEmpty();
        assertThat(eligibility.segments("DTP")).isEmpty();
    }

    @Test
    void memberIdEndingIn99IsRejectedInTheSubscriberLoop() throws Exception {
        TransactionSet eligibility = answer271("M12399");

        List<String> ids = eligibility.segments().stream().map(Segment::id).toList();
        assertThat(ids).containsExactly("BHT", "HL", "NM1", "HL", "NM1", "HL", "TRN", "NM1", "AAA");
        assertThat(line(eligibility.first("AAA").orElseThrow())).isEqualTo("AAA*N**72*C");
        assertThat(eligibility.segments("EB")).isEmpty();
    }

    @Test
    void eachSubscriberIsAnsweredByItsOwnRule() throws Exception {
        TransactionSet eligibility = X12Reader.strict().read(responder.answer(Inquiries.x270("A1", "B100", "C199")).body())
                .transactions().get(0);

        assertThat(eligibility.segments("HL")).extracting(this::line)
                .containsExactly("HL*1**20*1", "HL*2*1*21*1", "HL*3*2*22*0", "HL*4*2*22*0", "HL*5*2*22*0");
        assertThat(eligibility.segments("TRN")).extracting(s -> s.element(2)).containsExactly("TRACE-1", "TRACE-2", "TRACE-3");
        assertThat(eligibility.segments("EB")).extracting(s -> s.element(1))
                .containsExactly("1", "B", "A", "C", "C", "G", "G", "6");
        assertThat(eligibility.segments("AAA")).hasSize(1);
    }

    @Test
    void faultsApplyToTheWholeRequest() throws Exception {
        assertThat(responder.answer(Inquiries.x270("A1", "B98")).fault()).isEqualTo(Fault.PAYER_UNAVAILABLE);
        assertThat(responder.answer(Inquiries.x270("A1", "B98")).body()).isNull();
        assertThat(responder.answer(Inquiries.x270("A97")).fault()).isEqualTo(Fault.SLOW_ANSWER);
        // 98 comes before 97 in the table, so the outage wins.
        assertThat(responder.answer(Inquiries.x270("A97", "B98")).fault()).isEqualTo(Fault.PAYER_UNAVAILABLE);
    }

    @Test
    void slowAnswerIsStillTheActiveAnswer() throws Exception {
        TransactionSet eligibility = X12Reader.strict().read(responder.answer(Inquiries.x270("A97")).body())
                .transactions().get(0);

        assertThat(eligibility.first("EB").orElseThrow().element(1)).isEqualTo("1");
    }

    @Test
    void malformedAnswerIsRefusedByAnX12Reader() throws Exception {
        EligibilityAnswer answer = responder.answer(Inquiries.x270("A96"));

        assertThat(answer.fault()).isEqualTo(Fault.MALFORMED_ANSWER);
        assertThat(answer.body()).startsWith("ISA*").doesNotContain("SE*", "IEA*");
        assertThatThrownBy(() -> X12Reader.lenient().read(answer.body())).isInstanceOf(X12Exception.class);
    }

    @Test
    void theShared270IsAnsweredAsActiveForItsServiceYear() throws Exception {
        EligibilityAnswer answer = responder.answer(Inquiries.sample270Text());

        Interchange response = X12Reader.strict().read(answer.body());
        TransactionSet eligibility = response.transactions().get(0);
        assertThat(response.senderId()).isEqualTo("123456789012345");
        assertThat(response.receiverId()).isEqualTo("ABCDEFGHIJKLMNO");
        assertThat(response.controlNumber()).isEqualTo("000003438");
        assertThat(response.usage().code()).isEqualTo("P");
        assertThat(lines(eligibility)).containsSequence(
                "HL*3*2*22*0",
                "TRN*2*1234667890*9876543210",
                "NM1*IL*1*DOE*JANE****MI*123456",
                "DMG*D8*19851031",
                "DTP*346*D8*20020101",
                "DTP*347*D8*20021231",
                "EB*1*IND*30**SANDBOX PPO");
        assertThat(lines(eligibility)).contains("NM1*PR*2*CHILDRENS SPECIAL HEALTHCARE*****FI*356000158",
                "NM1*1P*2******SV*123456", "BHT*0022*11**20260305*1407");
    }

    @Test
    void whatIsNotA270IsRefusedWithoutItsValues() {
        String noSubscriber = Inquiries.x270();
        assertThatThrownBy(() -> responder.answer(noSubscriber))
                .isInstanceOf(MalformedInquiryException.class)
                .hasMessage("the 270 has no subscriber (HL level 22)");

        String noName = Inquiries.x270("M12345").replaceAll("NM1\\*IL\\*[^~]*~", "REF*SY*SECRET-SSN~");
        assertThatThrownBy(() -> responder.answer(noName))
                .isInstanceOf(MalformedInquiryException.class)
                .hasMessage("the subscriber at segment 9 (HL) has no NM1*IL name (loop 2100C)")
                .hasMessageNotContaining("SECRET");

        assertThatThrownBy(() -> responder.answer("hello"))
                .isInstanceOf(MalformedInquiryException.class)
                .hasMessage("input does not start with an ISA interchange header");

        String claim = Inquiries.x270("M1").replace("ST*270*", "ST*837*");
        assertThatThrownBy(() -> responder.answer(claim))
                .hasMessage("transaction 1 of the interchange is not a 270 (ST01); only 270 inquiries are answered here");
    }

    @Test
    void theReadmeExampleIsWhatTheSandboxAnswers() throws Exception {
        String readme = Files.readString(java.nio.file.Path.of("README.md"));
        String request = between(readme, "--data-binary \\\n'", "'\n```");
        String expected = between(readme, "answers (dates are the day you run it):\n\n```\n", "```");

        assertThat(responder.answer(request).body()).isEqualTo(expected);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private TransactionSet answer271(String memberId) throws Exception {
        return X12Reader.strict().read(responder.answer(Inquiries.x270(memberId)).body()).transactions().get(0);
    }

    private List<String> lines(TransactionSet transaction) {
        return transaction.segments().stream().map(this::line).toList();
    }

    /** The segment as standard-delimited text, trailing empties dropped. Test-only: it prints values. */
    private String line(Segment segment) {
        StringBuilder text = new StringBuilder(segment.id());
        for (int i = 1; i <= segment.elementCount(); i++) {
            text.append('*');
            var repetitions = segment.repetitions(i);
            for (int r = 0; r < repetitions.size(); r++) {
                text.append(r > 0 ? "^" : "").append(String.join(":", repetitions.get(r).components()));
            }
        }
        return text.toString();
    }
}
