package dev.revcycle.sandbox.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.sandbox.Claims837Builder;
import dev.revcycle.sandbox.Claims837Builder.TestClaim;
import dev.revcycle.sandbox.Claims837Builder.TestLine;
import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.sandbox.Remittances835;
import dev.revcycle.sandbox.claims.Acknowledgement;
import dev.revcycle.sandbox.claims.ClaimAcknowledger;
import dev.revcycle.sandbox.mailbox.Mailbox;
import dev.revcycle.sandbox.mailbox.MailboxFile;
import dev.revcycle.sandbox.remittance.RemittanceRuns.RunFileResult;
import dev.revcycle.sandbox.remittance.RemittanceRuns.RunResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over a real data directory: 837 → accepted → run → 835s in the mailbox, read back and balanced. */
class RemittanceRunsTest {

    private static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);

    @TempDir
    Path dir;

    private final ClaimAcknowledger acknowledger = new ClaimAcknowledger(Inquiries.CLOCK);
    private Mailbox mailbox;
    private PendingClaims pending;
    private RemittanceRuns runs;

    @BeforeEach
    void open() {
        restart();
    }

    private void restart() {
        mailbox = new Mailbox(dir, Inquiries.CLOCK);
        pending = new PendingClaims(dir);
        runs = new RemittanceRuns(pending, mailbox, Inquiries.CLOCK);
    }

    /** What ClaimResource does with an 837: keep the accepted claims, file the answers. */
    private Acknowledgement submit(String x12, LocalDate on) throws Exception {
        Acknowledgement ack = acknowledger.acknowledge(x12);
        pending.accept(ack, on);
        ack.files().forEach(f -> mailbox.put(f.type(), ack.submitter(), f.x12()));
        return ack;
    }

    private String x12(RunFileResult file) {
        return mailbox.content(file.fileId()).orElseThrow();
    }

    private String checked(RunFileResult file) throws Exception {
        String x12 = x12(file);
        assertThat(Remittances835.imswebErrors(x12)).isEmpty();
        assertThat(Remittances835.assertBalanced(x12)).isEqualByComparingTo(file.paymentAmount());
        assertThat(mailbox.find(file.fileId()).orElseThrow().type()).isEqualTo("835");
        return x12;
    }

    private static String pcn(String claimId) {
        return dev.revcycle.sandbox.claims.ClaimAcknowledgerAccess.payerClaimControlNumber("CLINIC1", claimId);
    }

    @Test
    void oneRunWritesOneBalanced835PerSubmitterPayerAndPayee() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(
                TestClaim.of("PCN-A", TestLine.of("99213", "150.00").modifiers("25").control("LINE-1")),
                TestClaim.of("PCN-B", TestLine.of("99202", "150.00")),
                TestClaim.of("PCN-C", TestLine.of("99203", "150.00"), TestLine.of("99213", "80.00")),
                TestClaim.of("PCN-D", TestLine.of("99205", "150.00")),
                TestClaim.of("PCN-R", TestLine.of("99213", "150.00")).diagnosis("R69"))
                .provider("SECOND CLINIC", "1497758544")
                .claims(TestClaim.of("PCN-E", TestLine.of("99214", "100.00")))
                .build(), MARCH_5);
        submit(new Claims837Builder("CLINIC1").payer("SBX02", "OTHER HEALTH").controlNumber("000000043")
                .claims(TestClaim.of("PCN-F", TestLine.of("J1100", "50.00"))).build(), MARCH_5);
        submit(new Claims837Builder("CLINIC2").claims(TestClaim.of("PCN-G", TestLine.of("99212", "60.00"))).build(),
                MARCH_5);

        RunResult run = runs.run(null);

        assertThat(run.runId()).isNotBlank();
        assertThat(run.files()).extracting(f -> f.submitter() + "/" + f.payerId() + "/" + f.claims())
                .containsExactly("CLINIC1/SBX01/4", "CLINIC1/SBX01/1", "CLINIC1/SBX02/1", "CLINIC2/SBX01/1");
        assertThat(run.files()).extracting(RunFileResult::paymentAmount).extracting(Object::toString)
                .containsExactly("336.25", "64.00", "40.00", "48.00");
        assertThat(run.files()).extracting(RunFileResult::traceNumber).doesNotHaveDuplicates();
        assertThat(mailbox.list(0, "CLINIC1", 100)).extracting(MailboxFile::type).endsWith("835", "835", "835");

        String x12 = checked(run.files().get(0));
        assertThat(x12).startsWith("ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*CLINIC1        *")
                .contains("GS*HP*PAYERSANDBOX*CLINIC1*20260305*1407*");
        List<String> segments = Remittances835.segments(x12);
        String trace = run.files().get(0).traceNumber();
        assertThat(segments.subList(0, 10)).containsExactly(
                "BPR*I*336.25*C*CHK************20260305",
                "TRN*1*" + trace + "*" + RemittanceWriter.originatingCompany("SBX01"),
                "DTM*405*20260305",
                "N1*PR*SANDBOX HEALTH",
                "N3*1 SANDBOX WAY",
                "N4*SPRINGFIELD*IL*62701",
                "REF*2U*SBX01",
                "PER*BL*PAYER SANDBOX*TE*5555550199",
                "N1*PE*BONE AND JOINT CLINIC*XX*1234567893",
                "REF*TJ*123456789");
        assertThat(segments.get(10)).isEqualTo("LX*1");
        assertThat(Remittances835.claim(x12, "PCN-A", "1")).containsExactly(
                "CLP*PCN-A*1*150.00*95.00*25.00*12*" + pcn("PCN-A") + "*11*1",
                "NM1*QC*1*DOE*JANE****MI*M12345",
                "DTM*232*20260301",
                "SVC*HC:99213:25*150.00*95.00**1",
                "DTM*472*20260301",
                "CAS*CO*45*30.00",
                "CAS*PR*3*25.00",
                "REF*6R*LINE-1",
                "AMT*B6*120.00");
        assertThat(Remittances835.claim(x12, "PCN-B", "4")).containsExactly(
                "CLP*PCN-B*4*150.00*0*0*12*" + pcn("PCN-B") + "*11*1",
                "NM1*QC*1*DOE*JANE****MI*M12345",
                "DTM*232*20260301",
                "SVC*HC:99202*150.00*0**1",
                "DTM*472*20260301",
                "CAS*CO*197*150.00",
                "REF*6R*1",
                "AMT*B6*0");
        assertThat(Remittances835.claim(x12, "PCN-C", "1")).contains(
                "CLP*PCN-C*1*230.00*120.00*0*12*" + pcn("PCN-C") + "*11*1",
                "DTM*233*20260302",
                "SVC*HC:99203*150.00*120.00**1", "CAS*CO*45*30.00",
                "SVC*HC:99213*80.00*0**1", "DTM*472*20260302", "CAS*CO*97*80.00", "REF*6R*2");
        assertThat(segments).contains("CLP*PCN-D*1*150.00*120.00*0*12*" + pcn("PCN-D") + "*11*1");
        assertThat(segments.get(segments.size() - 1)).isEqualTo("PLB*1234567893*20261231*L6:PCN-D*-1.25");
        assertThat(segments).noneMatch(s -> s.contains("PCN-R") || s.contains("PCN-E"));

        com.imsweb.x12.Loop isa = Remittances835.imsweb(x12);
        assertThat(isa.findLoop("2100")).extracting(l -> l.getSegment("CLP").getElementValue("CLP01"))
                .containsExactly("PCN-A", "PCN-B", "PCN-C", "PCN-D");
        assertThat(isa.findLoop("1000B").get(0).getSegment("N1").getElementValue("N104")).isEqualTo("1234567893");
        assertThat(isa.findLoop("2110")).hasSize(5);

        String second = checked(run.files().get(1));
        assertThat(Remittances835.segments(second)).contains("N1*PE*SECOND CLINIC*XX*1497758544",
                "CLP*PCN-E*1*100.00*64.00*16.00*12*" + pcn("PCN-E") + "*11*1", "CAS*PR*2*16.00");
        String other = checked(run.files().get(2));
        assertThat(Remittances835.segments(other)).contains("N1*PR*OTHER HEALTH", "REF*2U*SBX02",
                "BPR*I*40.00*C*CHK************20260305");
        assertThat(Remittances835.segments(other).get(1)).endsWith("*" + RemittanceWriter.originatingCompany("SBX02"));
        assertThat(RemittanceWriter.originatingCompany("SBX02")).matches("1\\d{9}")
                .isNotEqualTo(RemittanceWriter.originatingCompany("SBX01"));
        assertThat(x12(run.files().get(3))).contains("*ZZ*CLINIC2        *");
        checked(run.files().get(3));
    }

    @Test
    void aSecondRunPaysNothingAgainAndWritesNothing() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-1", TestLine.of("99213", "150.00"))).build(),
                MARCH_5);
        assertThat(runs.run(null).files()).hasSize(1);
        int files = mailbox.list(0, null, 1000).size();

        RunResult again = runs.run(null);

        assertThat(again.files()).isEmpty();
        assertThat(again.runId()).isNotBlank();
        assertThat(mailbox.list(0, null, 1000)).hasSize(files);
        restart();
        assertThat(runs.run(null).files()).isEmpty();
    }

    @Test
    void theReversalComesInTheNextRunAloneAndItsNegativeBalanceIsCarriedForwardThenRecovered() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-REV", TestLine.of("99204", "150.00"))).build(),
                MARCH_5);
        RunFileResult paid = runs.run(null).files().get(0);
        assertThat(Remittances835.segments(checked(paid))).contains(
                "CLP*PCN-REV*1*150.00*120.00*0*12*" + pcn("PCN-REV") + "*11*1", "BPR*I*120.00*C*CHK************20260305");

        RunResult second = runs.run(null);

        assertThat(second.files()).hasSize(1);
        RunFileResult reversal = second.files().get(0);
        assertThat(reversal.claims()).isEqualTo(1);
        assertThat(reversal.paymentAmount()).isEqualByComparingTo("0");
        String x12 = checked(reversal);
        List<String> segments = Remittances835.segments(x12);
        assertThat(segments.get(0)).isEqualTo("BPR*H*0*C*NON************20260305");
        assertThat(segments.subList(segments.indexOf("LX*1") + 1, segments.size())).containsExactly(
                "CLP*PCN-REV*22*-150.00*-120.00*0*12*" + pcn("PCN-REV") + "*11*1",
                "NM1*QC*1*DOE*JANE****MI*M12345",
                "DTM*232*20260301",
                "SVC*HC:99204*-150.00*-120.00**1",
                "DTM*472*20260301",
                "CAS*CO*45*-30.00",
                "REF*6R*1",
                "AMT*B6*-120.00",
                "PLB*1234567893*20261231*FB:" + reversal.traceNumber() + "*-120.00");
        assertThat(runs.run(null).files()).isEmpty(); // reversed once only

        // The next file to that payee recovers the 120.00: first 95.00 of it (BPR02 0), then the last 25.00.
        restart();
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-N1", TestLine.of("99213", "150.00"))).build(),
                MARCH_5);
        RunFileResult third = runs.run(null).files().get(0);
        assertThat(Remittances835.segments(checked(third))).contains("BPR*H*0*C*NON************20260305",
                "PLB*1234567893*20261231*FB:" + reversal.traceNumber() + "*95.00");
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-N2", TestLine.of("99212", "150.00"))).build(),
                MARCH_5);
        RunFileResult fourth = runs.run(null).files().get(0);
        assertThat(fourth.paymentAmount()).isEqualByComparingTo("95.00");
        assertThat(Remittances835.segments(checked(fourth))).contains("BPR*I*95.00*C*CHK************20260305",
                "PLB*1234567893*20261231*FB:" + reversal.traceNumber() + "*25.00");
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-N3", TestLine.of("99212", "10.00"))).build(),
                MARCH_5);
        assertThat(Remittances835.segments(checked(runs.run(null).files().get(0)))).noneMatch(s -> s.startsWith("PLB"));
    }

    @Test
    void pendingClaimsAndDueReversalsSurviveARestart() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-P", TestLine.of("99213", "150.00")),
                TestClaim.of("PCN-Q", TestLine.of("99204", "100.00"))).build(), MARCH_5);

        restart();
        assertThat(pending.pending(null)).hasSize(2);
        RunResult first = runs.run(null);
        assertThat(first.files()).extracting(RunFileResult::claims).containsExactly(2);
        assertThat(first.files().get(0).paymentAmount()).isEqualByComparingTo("175.00"); // 95 + 80

        restart();
        assertThat(pending.pending(null)).isEmpty();
        RunResult second = runs.run(null);
        assertThat(second.files()).hasSize(1);
        assertThat(Remittances835.segments(x12(second.files().get(0)))).filteredOn(s -> s.startsWith("CLP*"))
                .containsExactly("CLP*PCN-Q*22*-100.00*-80.00*0*12*" + pcn("PCN-Q") + "*11*1");
        restart();
        assertThat(runs.run(null).files()).isEmpty();
    }

    @Test
    void throughLeavesClaimsReceivedLaterPending() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-EARLY", TestLine.of("99212", "10.00"))).build(),
                MARCH_5);
        submit(new Claims837Builder("CLINIC1").controlNumber("000000077")
                .claims(TestClaim.of("PCN-LATE", TestLine.of("99212", "20.00"))).build(), MARCH_5.plusDays(2));

        assertThat(runs.run(MARCH_5.minusDays(1)).files()).isEmpty();
        RunResult early = runs.run(MARCH_5.plusDays(1));
        assertThat(early.files()).hasSize(1);
        assertThat(Remittances835.segments(x12(early.files().get(0)))).filteredOn(s -> s.startsWith("CLP*"))
                .extracting(s -> s.split("\\*")[1]).containsExactly("PCN-EARLY");
        RunResult rest = runs.run(null);
        assertThat(Remittances835.segments(x12(rest.files().get(0)))).filteredOn(s -> s.startsWith("CLP*"))
                .extracting(s -> s.split("\\*")[1]).containsExactly("PCN-LATE");
    }

    @Test
    void aClaimAcceptedAgainIsNeverPaidTwice() throws Exception {
        String x12 = new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-DUP", TestLine.of("99213", "150.00")))
                .build();
        submit(x12, MARCH_5);
        submit(x12, MARCH_5); // again before the run: still one claim
        RunResult first = runs.run(null);
        assertThat(Remittances835.segments(x12(first.files().get(0)))).filteredOn(s -> s.startsWith("CLP*"))
                .containsExactly("CLP*PCN-DUP*1*150.00*95.00*25.00*12*" + pcn("PCN-DUP") + "*11*1");

        submit(x12, MARCH_5); // again after it was paid: a duplicate, denied
        restart();
        RunResult second = runs.run(null);
        String answer = checked(second.files().get(0));
        assertThat(Remittances835.segments(answer)).contains(
                "CLP*PCN-DUP*4*150.00*0*0*12*" + pcn("PCN-DUP") + "*11*1", "CAS*CO*18*150.00");
    }

    @Test
    void aSecondaryClaimIsPaidAsSecondary() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-SEC",
                TestLine.of("99213", "150.00").primary("95", "CO*45*30", "PR*3*25")).secondary(null)).build(), MARCH_5);
        String x12 = checked(runs.run(null).files().get(0));
        assertThat(Remittances835.claim(x12, "PCN-SEC", "2")).contains(
                "CLP*PCN-SEC*2*150.00*20.00*0*12*" + pcn("PCN-SEC") + "*11*1",
                "SVC*HC:99213*150.00*20.00**1", "CAS*OA*23*125.00", "CAS*CO*45*5.00", "AMT*B6*20.00");
    }

    @Test
    void aRunCommittedButNotDeliveredIsDeliveredAtTheNextStartAndNotAdjudicatedAgain() throws Exception {
        submit(new Claims837Builder("CLINIC1").claims(TestClaim.of("PCN-CRASH", TestLine.of("99212", "10.00"))).build(),
                MARCH_5);
        // the commit of a run, without its delivery (as if the process died in between)
        long seq = pending.nextSeq();
        PendingClaims.PendingClaim claim = pending.pending(null).get(0);
        pending.commit(new PendingClaims.RunEntry(seq, "run-1", null, Inquiries.CLOCK.instant(),
                List.of(new PendingClaims.RunFile("CLINIC1", "SBX01", "1234567893", "T-1", 1,
                        new java.math.BigDecimal("8.00"), "ISA*CRASHED~")),
                List.of(PendingClaims.idOf(claim)), List.of(), List.of(), java.util.Map.of()));
        int before = mailbox.list(0, null, 1000).size();

        restart();

        List<MailboxFile> files = mailbox.list(0, null, 1000);
        assertThat(files).hasSize(before + 1);
        assertThat(mailbox.content(files.get(files.size() - 1).id())).contains("ISA*CRASHED~");
        assertThat(runs.run(null).files()).isEmpty();
        restart();
        assertThat(mailbox.list(0, null, 1000)).hasSize(before + 1); // delivered once
    }

    @Test
    void theThirdPartySample837sArePaidInBalanced835s() throws Exception {
        for (String sample : List.of("837_5010_x12_valid.txt", "837_5010_x223-test.txt",
                "837_5010_x12_valid_different_separators.txt")) {
            // a data directory each: the samples share their submitter and CLM01s (a second one is a duplicate)
            mailbox = new Mailbox(dir.resolve(sample), Inquiries.CLOCK);
            pending = new PendingClaims(dir.resolve(sample));
            runs = new RemittanceRuns(pending, mailbox, Inquiries.CLOCK);
            Acknowledgement ack = submit(dev.revcycle.sandbox.Claims837.sample(sample), MARCH_5);
            assertThat(ack.accepted()).as(sample).isNotEmpty();
            RunResult run = runs.run(null);
            assertThat(run.files()).as(sample).isNotEmpty();
            int claims = 0;
            for (RunFileResult file : run.files()) {
                String x12 = checked(file);
                claims += file.claims();
                assertThat(Remittances835.segments(x12)).filteredOn(s -> s.startsWith("CLP*")).hasSize(file.claims())
                        .noneMatch(s -> s.startsWith("CLP*", 0) && s.split("\\*")[2].equals("4"));
            }
            assertThat(claims).as(sample).isEqualTo(ack.accepted().size());
        }
    }
}
