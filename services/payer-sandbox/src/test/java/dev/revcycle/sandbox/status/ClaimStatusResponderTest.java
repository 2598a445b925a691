package dev.revcycle.sandbox.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.sandbox.Claims837Builder;
import dev.revcycle.sandbox.Claims837Builder.TestClaim;
import dev.revcycle.sandbox.Claims837Builder.TestLine;
import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.sandbox.claims.Acknowledgement;
import dev.revcycle.sandbox.claims.ClaimAcknowledger;
import dev.revcycle.sandbox.eligibility.MalformedInquiryException;
import dev.revcycle.sandbox.mailbox.Mailbox;
import dev.revcycle.sandbox.remittance.PendingClaims;
import dev.revcycle.sandbox.remittance.RemittanceRuns;
import dev.revcycle.sandbox.rules.SandboxRules;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import dev.revcycle.x12.X12Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 276 → 277 by the claim status table, over a real data directory: unknown, pending, paid, denied, reversed. */
class ClaimStatusResponderTest {

    @TempDir
    Path dir;

    private PendingClaims pending;
    private RemittanceRuns runs;
    private ClaimStatusResponder responder;

    @BeforeEach
    void open() {
        restart();
    }

    private void restart() {
        pending = new PendingClaims(dir);
        runs = new RemittanceRuns(pending, new Mailbox(dir, Inquiries.CLOCK), Inquiries.CLOCK);
        responder = new ClaimStatusResponder(pending, Inquiries.CLOCK);
    }

    private void submit(TestClaim... claims) throws Exception {
        Acknowledgement ack = new ClaimAcknowledger(Inquiries.CLOCK).acknowledge(
                new Claims837Builder("CLINIC1").claims(claims).build());
        pending.accept(ack, LocalDate.of(2026, 3, 5));
    }

    /** The STC (and REF*1K) that answers the trace T-<pcn>, as text. */
    private static List<String> answerFor(String x277, String pcn) throws Exception {
        TransactionSet st = X12Reader.strict().read(x277).transactions().get(0);
        List<String> out = new ArrayList<>();
        boolean mine = false;
        for (Segment s : st.segments()) {
            if (s.id().equals("TRN")) {
                mine = s.element(2).equals("T-" + pcn);
            } else if (s.id().equals("HL")) {
                mine = false;
            } else if (mine && (s.id().equals("STC") || s.id().equals("REF"))) {
                StringBuilder text = new StringBuilder(s.id());
                for (int i = 1; i <= s.elementCount(); i++) {
                    text.append('*').append(String.join(":", s.repetitions(i).get(0).components()));
                }
                out.add(text.toString());
            }
        }
        return out;
    }

    @Test
    void unknownPendingAndPendingForAuthorizationClaimsAreAnsweredByTheTable() throws Exception {
        submit(TestClaim.of("PCN-P", TestLine.of("99213", "150.00")), TestClaim.of("PCN-AUTH", TestLine.of("99202", "150.00")),
                TestClaim.of("PCN-REJ", TestLine.of("99213", "150.00")).diagnosis("R69"));
        StatusAnswer answer = responder.answer(ClaimStatusResponderTest276.x276("SBX01", "PCN-P", "PCN-AUTH", "PCN-REJ", "NEVER-SENT"));
        assertThat(answer.payerUnavailable()).isFalse();
        String x277 = answer.x277();
        var read = X12Reader.strict().read(x277);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.senderId()).isEqualTo("PAYERSANDBOX");
        assertThat(read.receiverId()).isEqualTo("CLINIC1");
        assertThat(Long.parseLong(read.controlNumber())).isEqualTo(555);
        assertThat(read.transactions().get(0).type()).isEqualTo("277");
        assertThat(read.transactions().get(0).implementationGuide()).isEqualTo("005010X212");
        assertThat(answerFor(x277, "PCN-P")).first().isEqualTo("STC*P1:20*20260305");
        assertThat(answerFor(x277, "PCN-P")).anyMatch(s -> s.startsWith("REF*1K*SBX"));
        assertThat(answerFor(x277, "PCN-AUTH")).first().isEqualTo("STC*P3:21*20260305");
        assertThat(answerFor(x277, "PCN-REJ")).containsExactly("STC*A4:35*20260305", "REF*EJ*PCN-REJ");
        assertThat(answerFor(x277, "NEVER-SENT")).containsExactly("STC*A4:35*20260305", "REF*EJ*NEVER-SENT");
    }

    @Test
    void adjudicatedClaimsAreFinalizedWithTheirAmountsAlsoAfterARestart() throws Exception {
        submit(TestClaim.of("PCN-PAID", TestLine.of("99213", "150.00"), TestLine.of("81002", "20.00")),
                TestClaim.of("PCN-DENIED", TestLine.of("99202", "150.00")),
                TestClaim.of("PCN-REV", TestLine.of("99204", "150.00")));
        runs.run(null);
        String x277 = responder.answer(ClaimStatusResponderTest276.x276("SBX01", "PCN-PAID", "PCN-DENIED", "PCN-REV")).x277();
        // 80 % of 170.00 allowed, less the 25.00 copay of rule 99213
        assertThat(answerFor(x277, "PCN-PAID")).first().isEqualTo("STC*F1:65*20260305**170.00*111.00*20260305");
        assertThat(answerFor(x277, "PCN-DENIED")).first().isEqualTo("STC*F2:1*20260305**150.00*0*20260305");
        assertThat(answerFor(x277, "PCN-REV")).first().isEqualTo("STC*F1:65*20260305**150.00*120.00*20260305");

        runs.run(null); // the reversal of 99204
        restart();
        x277 = responder.answer(ClaimStatusResponderTest276.x276("SBX01", "PCN-REV", "PCN-PAID")).x277();
        assertThat(answerFor(x277, "PCN-REV")).first().isEqualTo("STC*F3:101*20260305**150.00*0*20260305");
        assertThat(answerFor(x277, "PCN-PAID").get(0)).startsWith("STC*F1:65*");
    }

    @Test
    void theOutagePayerAndUnreadableInquiriesAreRefused() throws Exception {
        assertThat(responder.answer(ClaimStatusResponderTest276.x276(SandboxRules.STATUS_UNAVAILABLE_PAYER_ID, "PCN-X")).payerUnavailable()).isTrue();
        assertThatThrownBy(() -> responder.answer("not x12")).isInstanceOf(MalformedInquiryException.class);
        assertThatThrownBy(() -> responder.answer(Inquiries.x270("M1"))).isInstanceOf(MalformedInquiryException.class)
                .hasMessageContaining("not a 276");
        assertThatThrownBy(() -> responder.answer(ClaimStatusResponderTest276.x276("SBX01"))).isInstanceOf(MalformedInquiryException.class)
                .hasMessageContaining("asks about no claim");
    }

    @Test
    void everyStateHasARule() {
        for (var state : dev.revcycle.sandbox.rules.StatusRule.ClaimState.values()) {
            assertThat(SandboxRules.statusRuleFor(state, "99213")).isNotNull();
        }
    }
}
