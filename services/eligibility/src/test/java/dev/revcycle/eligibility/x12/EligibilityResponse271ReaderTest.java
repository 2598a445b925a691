package dev.revcycle.eligibility.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.eligibility.x12.EligibilityResult.Benefits;
import dev.revcycle.eligibility.x12.EligibilityResult.Rejection;
import dev.revcycle.eligibility.x12.EligibilityResult.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EligibilityResponse271ReaderTest {

    /** The payer sandbox's answer for an active member (its README example), as a contract fixture. */
    private static final String SANDBOX_ACTIVE = """
            ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*CLINIC         *260305*1407*^*00501*000000001*0*T*:~
            GS*HB*PAYERSANDBOX*CLINIC*20260305*1407*1*X*005010X279A1~
            ST*271*0001*005010X279A1~
            BHT*0022*11*REF1*20260305*1407~
            HL*1**20*1~
            NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~
            HL*2*1*21*1~
            NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893~
            HL*3*2*22*0~
            TRN*2*TRACE1*9REVCYCLE~
            NM1*IL*1*DOE*JANE****MI*M12345~
            DMG*D8*19800101~
            DTP*346*D8*20260101~
            DTP*347*D8*20261231~
            EB*1*IND*30**SANDBOX PPO~
            EB*B*IND*98***27*25~
            EB*A*IND*30*****0.2~
            EB*C*IND*30***23*1500~
            EB*C*IND*30***29*500~
            EB*G*IND*30***23*6000~
            EB*G*IND*30***29*4500~
            SE*20*0001~
            GE*1*1~
            IEA*1*000000001~
            """;

    private final EligibilityResponse271Reader reader = new EligibilityResponse271Reader();

    @Test
    void theSample271IsAnActivePlanFromJanuary2006WithoutAmounts() throws Exception {
        EligibilityResult result = reader.read(Samples.sample("x270_271_x271.txt"));

        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.traceNumber()).isEqualTo("93175-012547");
        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2006, 1, 1));
        assertThat(result.planEnd()).isNull();
        assertThat(result.benefits()).isEqualTo(Benefits.NONE);
        assertThat(result.rejections()).isEmpty();
        // SE*22 closes 18 segments and IEA02 does not repeat ISA13: read anyway, and said so.
        assertThat(result.warnings()).containsExactly(
                "SE01 does not match the 18 segments counted in the transaction, ST and SE included (segment 20, SE01)",
                "IEA02 does not repeat the interchange's ISA13 control number (segment 22, IEA02)");
    }

    @Test
    void activeMemberOfTheSandboxHasEveryBenefitAsMoneyWithTwoPlaces() throws Exception {
        EligibilityResult result = reader.read(SANDBOX_ACTIVE);

        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.traceNumber()).isEqualTo("TRACE1");
        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(result.planEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(result.benefits()).isEqualTo(new Benefits(new BigDecimal("25.00"), new BigDecimal("20.00"),
                new BigDecimal("1500.00"), new BigDecimal("500.00"), new BigDecimal("6000.00"), new BigDecimal("4500.00")));
        assertThat(result.benefits().copay().scale()).isEqualTo(2);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void ebSixIsInactive() throws Exception {
        EligibilityResult result = reader.read(replaceBenefits("EB*6*IND*30~"));

        assertThat(result.status()).isEqualTo(Status.INACTIVE);
        assertThat(result.benefits()).isEqualTo(Benefits.NONE);
    }

    @Test
    void aaaInTheSubscriberLoopIsAnErrorWithAReadableReason() throws Exception {
        String rejected = SANDBOX_ACTIVE.replace("DMG*D8*19800101~\n", "AAA*N**72*C~\n")
                .replaceAll("(?m)^(DTP|EB)\\*.*\\n", "").replace("SE*20*", "SE*11*");

        EligibilityResult result = reader.read(rejected);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.rejections()).containsExactly(
                new Rejection("2100C", "72", "Invalid/Missing Subscriber/Insured ID", "C"));
        assertThat(result.benefits()).isEqualTo(Benefits.NONE);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aaaAtAnyLoopIsAnErrorEvenBesideBenefits() throws Exception {
        String payerDown = SANDBOX_ACTIVE.replace("NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~\n",
                "NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~\nAAA*Y**42*R~\n")
                .replace("NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893~\n",
                        "NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893~\nAAA*N**43*C~\n")
                .replace("EB*B*IND*98***27*25~\n", "EB*B*IND*98***27*25~\nAAA*N**15*C~\n");

        EligibilityResult result = reader.read(payerDown);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.rejections()).extracting(r -> r.loop() + " " + r.code() + " " + r.description())
                .containsExactly("2100A 42 Unable to Respond at Current Time",
                        "2100B 43 Invalid/Missing Provider Identification",
                        "2110C 15 Required application data missing");
    }

    @Test
    void rejectReasonsHaveTheirStandardTexts() {
        assertThat(RejectReasons.describe("73")).isEqualTo("Invalid/Missing Subscriber/Insured Name");
        assertThat(RejectReasons.describe("75")).isEqualTo("Subscriber/Insured Not Found");
        assertThat(RejectReasons.describe("41")).isEqualTo("Authorization/Access Restrictions");
        assertThat(RejectReasons.describe("58")).isEqualTo("Invalid/Missing Date-of-Birth");
        assertThat(RejectReasons.describe("71"))
                .isEqualTo("Patient Birth Date Does Not Match That for the Patient on the Database");
        assertThat(RejectReasons.describe("ZZ")).isEqualTo("Reject reason code ZZ");
        assertThat(RejectReasons.describe("")).isEqualTo("Rejected without a reason code");
    }

    @Test
    void individualInNetworkAmountsWinOverFamilyAndOutOfNetwork() throws Exception {
        String mixed = replaceBenefits("""
                EB*1*IND*30~
                EB*B*IND*30***27*40~
                EB*B*IND*98***27*30*****N~
                EB*B*IND*98***27*20~
                EB*C*FAM*30***23*3000~
                EB*C*IND*30***23*1000.5~
                EB*A*IND*30*****0.125****N~
                EB*A*IND*30*****0.1~
                EB*G*FAM*30***29*9000~
                """);

        Benefits benefits = reader.read(mixed).benefits();

        assertThat(benefits.copay()).isEqualTo(new BigDecimal("20.00"));
        assertThat(benefits.deductible()).isEqualTo(new BigDecimal("1000.50"));
        assertThat(benefits.coinsurancePercent()).isEqualTo(new BigDecimal("10.00"));
        assertThat(benefits.outOfPocketRemaining()).isEqualTo(new BigDecimal("9000.00"));
        assertThat(benefits.deductibleRemaining()).isNull();
        assertThat(benefits.outOfPocket()).isNull();
    }

    @Test
    void planDatesFallBackToAnRd8RangeAndIgnoreOtherParties() throws Exception {
        String ranged = SANDBOX_ACTIVE.replace("DTP*346*D8*20260101~\nDTP*347*D8*20261231~\n",
                "DTP*291*RD8*20250701-20260630~\n")
                .replace("EB*1*IND*30**SANDBOX PPO~\n",
                        "EB*1*IND*30**SANDBOX PPO~\nLS*2120~\nNM1*P3*1*JONES*MARCUS~\nDTP*346*D8*19990101~\nLE*2120~\n")
                .replace("SE*20*", "SE*23*");

        EligibilityResult result = reader.read(ranged);

        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(result.planEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void whatIsNotAnAnswerIsRefusedWithoutItsValues() {
        assertThatThrownBy(() -> reader.read("NM1*IL*1*ZEBEDIAH****MI*W998877665~"))
                .isInstanceOf(Eligibility271Exception.class)
                .hasMessage("the 271 cannot be read: input does not start with an ISA interchange header");
        assertThatThrownBy(() -> reader.read(SANDBOX_ACTIVE.replace("ST*271*", "ST*270*")))
                .hasMessage("the first transaction is not a 271 (ST01)");
        assertThatThrownBy(() -> reader.read(replaceBenefits("EB*B*IND*98***27*25~\n")))
                .hasMessage("the 271 states neither coverage (EB01 1 to 8) nor a rejection (AAA)");
        assertThatThrownBy(() -> reader.read(replaceBenefits("EB*1*IND*30~\nEB*B*IND*98***27*W998877665~\n")))
                .hasMessage("EB07 at segment 16 is not a decimal number")
                .hasMessageNotContaining("W998877665");
        assertThatThrownBy(() -> reader.read(SANDBOX_ACTIVE.replace("DTP*346*D8*20260101", "DTP*346*D8*19800231")))
                .hasMessage("DTP03 at segment 13 is not a D8 or RD8 date");
    }

    /** The sandbox answer with its EB segments replaced, SE01 kept right. */
    private static String replaceBenefits(String ebs) {
        String withoutEbs = SANDBOX_ACTIVE.replaceAll("(?m)^EB\\*.*\\n", "");
        String text = withoutEbs.replace("SE*", ebs.strip() + "\nSE*");
        long count = text.lines().dropWhile(l -> !l.startsWith("ST*")).takeWhile(l -> !l.startsWith("GE*")).count();
        return text.replace("SE*20*", "SE*" + count + "*");
    }
}
