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
        EligibilityResult result = reader.read(Samples.sample("x270_271_x271.txt"), "93175-012547");

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
        EligibilityResult result = read(SANDBOX_ACTIVE);

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
        EligibilityResult result = read(replaceBenefits("EB*6*IND*30~"));

        assertThat(result.status()).isEqualTo(Status.INACTIVE);
        assertThat(result.benefits()).isEqualTo(Benefits.NONE);
    }

    @Test
    void aaaInTheSubscriberLoopIsAnErrorWithAReadableReason() throws Exception {
        String rejected = SANDBOX_ACTIVE.replace("DMG*D8*19800101~\n", "AAA*N**72*C~\n")
                .replaceAll("(?m)^(DTP|EB)\\*.*\\n", "").replace("SE*20*", "SE*11*");

        EligibilityResult result = read(rejected);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.rejections()).containsExactly(
                new Rejection("2100C", "72", "Invalid/Missing Subscriber/Insured ID", "C"));
        assertThat(result.benefits()).isEqualTo(Benefits.NONE);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aaaOfThePayerOrProviderIsAnErrorEvenBesideBenefits() throws Exception {
        String payerDown = SANDBOX_ACTIVE.replace("NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~\n",
                "NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~\nAAA*Y**42*R~\n")
                .replace("NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893~\n",
                        "NM1*1P*2*BONE AND JOINT CLINIC*****XX*1234567893~\nAAA*N**43*C~\n")
                .replace("EB*B*IND*98***27*25~\n", "EB*B*IND*98***27*25~\nAAA*N**15*C~\n");

        EligibilityResult result = read(payerDown);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.rejections()).extracting(r -> r.loop() + " " + r.code() + " " + r.description())
                .containsExactly("2100A 42 Unable to Respond at Current Time",
                        "2100B 43 Invalid/Missing Provider Identification");
        assertThat(result.benefitRejections()).extracting(r -> r.loop() + " " + r.code())
                .containsExactly("2110C 15");
        assertThat(result.benefits()).isEqualTo(Benefits.NONE);
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

        Benefits benefits = read(mixed).benefits();

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

        EligibilityResult result = read(ranged);

        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(result.planEnd()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void whatIsNotAnAnswerIsRefusedWithoutItsValues() {
        assertThatThrownBy(() -> read("NM1*IL*1*ZEBEDIAH****MI*W998877665~"))
                .isInstanceOf(Eligibility271Exception.class)
                .hasMessage("the 271 cannot be read: input does not start with an ISA interchange header");
        assertThatThrownBy(() -> read(SANDBOX_ACTIVE.replace("ST*271*", "ST*270*")))
                .hasMessage("no transaction of the interchange is a 271 (ST01)");
        assertThatThrownBy(() -> read(replaceBenefits("EB*B*IND*98***27*25~\n")))
                .hasMessage("the 271 states neither coverage (EB01 1 to 8) nor a rejection (AAA)");
        assertThatThrownBy(() -> read(replaceBenefits("EB*1*IND*30~\nEB*B*IND*98***27*W998877665~\n")))
                .hasMessage("EB07 at segment 16 is not a decimal number")
                .hasMessageNotContaining("W998877665");
        assertThatThrownBy(() -> read(SANDBOX_ACTIVE.replace("DTP*346*D8*20260101", "DTP*346*D8*19800231")))
                .hasMessage("DTP03 at segment 13 is not a D8 or RD8 date");
    }

    @Test
    void anAaaInABenefitLoopRejectsThatLineOnlyAndTheCoverageStaysActive() throws Exception {
        EligibilityResult result = read(Samples.response("aaa-in-benefit-loop.x12"));

        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.benefitRejections()).containsExactly(
                new Rejection("2110C", "53", "Inquired Benefit Inconsistent with Provider Type", "C"));
        assertThat(result.benefits().copay()).isEqualTo(new BigDecimal("25.00"));
        assertThat(result.benefits().deductible()).isEqualTo(new BigDecimal("1500.00"));
        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aRejectedBenefitLineStatesNothingAndWhenAllAreRejectedTheyAreTheAnswer() throws Exception {
        // The rejected line's own amount is not taken.
        String copayRejected = Samples.response("aaa-in-benefit-loop.x12")
                .replace("EB*B*IND*98***27*25~\n", "EB*B*IND*98***27*25~\nAAA*N**15*C~\n").replace("SE*17*", "SE*18*");
        EligibilityResult result = read(copayRejected);
        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.benefits().copay()).isNull();
        assertThat(result.benefitRejections()).extracting(Rejection::code).containsExactly("15", "53");
        assertThat(result.warnings()).isEmpty();

        String everyLineRejected = replaceBenefits("EB*1*IND*30~\nAAA*N**53*C~\nEB*B*IND*98***27*25~\nAAA*N**15*R~\n");
        EligibilityResult rejected = read(everyLineRejected);
        assertThat(rejected.status()).isEqualTo(Status.ERROR);
        assertThat(rejected.rejections()).extracting(r -> r.loop() + " " + r.code()).containsExactly("2110C 53", "2110C 15");
        assertThat(rejected.benefits()).isEqualTo(Benefits.NONE);
    }

    @Test
    void datesInFormatsTheReaderDoesNotUseOnQualifiersItDoesNotUseAreIgnored() throws Exception {
        EligibilityResult result = read(Samples.response("unexpected-date-formats.x12"));

        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(result.planEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(result.benefits().copay()).isEqualTo(new BigDecimal("25.00"));
        // A plan date (346) that cannot be read is still refused, naming its place only.
        assertThatThrownBy(() -> read(Samples.response("unexpected-date-formats.x12")
                .replace("DTP*346*D8*20260101", "DTP*346*DT*202601010000")))
                .isInstanceOf(Eligibility271Exception.class)
                .hasMessage("DTP03 at segment 15 is not a D8 or RD8 date");
    }

    @Test
    void aTa1IsReadARejectingOneIsTheAnswerAndAnAcceptingOneLetsThe271Through() throws Exception {
        EligibilityResult refused = read(Samples.response("ta1-rejected.x12"));
        assertThat(refused.status()).isEqualTo(Status.ERROR);
        assertThat(refused.traceNumber()).isEmpty();
        assertThat(refused.rejections()).containsExactly(
                new Rejection("TA1", "022", "Interchange rejected: Invalid Control Structure", ""));

        EligibilityResult accepted = read(Samples.response("ta1-accepted-with-271.x12"));
        assertThat(accepted.status()).isEqualTo(Status.ACTIVE);
        assertThat(accepted.traceNumber()).isEqualTo("TRACE1");
        assertThat(accepted.benefits().copay()).isEqualTo(new BigDecimal("25.00"));
        assertThat(accepted.warnings()).isEmpty();

        assertThatThrownBy(() -> read(Samples.response("ta1-rejected.x12").replace("*R*022~", "*A*000~")))
                .hasMessage("the interchange holds no transaction");
    }

    @Test
    void theSubscribersAndADependentsLoopsAreNotMerged() throws Exception {
        String both = Samples.response("subscriber-and-dependent.x12");

        EligibilityResult subscriber = reader.read(both, "TRACE-SUB");
        assertThat(subscriber.status()).isEqualTo(Status.INACTIVE);
        assertThat(subscriber.traceNumber()).isEqualTo("TRACE-SUB");
        assertThat(subscriber.planBegin()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(subscriber.planEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(subscriber.benefits()).isEqualTo(Benefits.NONE);

        EligibilityResult dependent = reader.read(both, "TRACE-DEP");
        assertThat(dependent.status()).isEqualTo(Status.ACTIVE);
        assertThat(dependent.traceNumber()).isEqualTo("TRACE-DEP");
        assertThat(dependent.planBegin()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(dependent.planEnd()).isNull();
        assertThat(dependent.benefits().copay()).isEqualTo(new BigDecimal("15.00"));
        assertThat(dependent.benefits().deductible()).isEqualTo(new BigDecimal("3000.00"));

        // Neither is ours: the first traced person comes back with its trace number, which the caller refuses.
        assertThat(reader.read(both, "TRACE-NOBODY").traceNumber()).isEqualTo("TRACE-SUB");
        // An AAA in the dependent's loop is not the subscriber's.
        String dependentRejected = both.replace("DMG*D8*20120505~\n", "DMG*D8*20120505~\nAAA*N**67*C~\n")
                .replace("SE*22*", "SE*23*");
        assertThat(reader.read(dependentRejected, "TRACE-SUB").status()).isEqualTo(Status.INACTIVE);
        assertThat(reader.read(dependentRejected, "TRACE-DEP").rejections()).extracting(r -> r.loop() + " " + r.code())
                .containsExactly("2100D 67");
    }

    @Test
    void theOfficeVisitCopayComesOnlyFromOfficeVisitServiceTypes() throws Exception {
        String copays = Samples.response("hospital-and-office-copays.x12");
        assertThat(read(copays).benefits().copay()).isEqualTo(new BigDecimal("35.00"));

        // Without the office visit's line there is no office visit copay: not the hospital's 250, not the plan's 40.
        String hospitalOnly = copays.replace("EB*B*IND*BY***27*35~\n", "").replace("SE*14*", "SE*13*");
        EligibilityResult result = read(hospitalOnly);
        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.benefits().copay()).isNull();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void everyTransactionOfTheInterchangeIsReadAndOursIsTheAnswer() throws Exception {
        EligibilityResult result = read(Samples.response("two-transactions.x12"));

        assertThat(result.status()).isEqualTo(Status.ACTIVE);
        assertThat(result.traceNumber()).isEqualTo("TRACE1");
        assertThat(result.planBegin()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(result.benefits().copay()).isEqualTo(new BigDecimal("25.00"));
        assertThat(result.warnings()).isEmpty();

        EligibilityResult other = reader.read(Samples.response("two-transactions.x12"), "OTHER-TRACE");
        assertThat(other.status()).isEqualTo(Status.INACTIVE);
        assertThat(other.traceNumber()).isEqualTo("OTHER-TRACE");
    }

    private EligibilityResult read(String x271) throws Eligibility271Exception {
        return reader.read(x271, "TRACE1");
    }

    /** The sandbox answer with its EB segments replaced, SE01 kept right. */
    private static String replaceBenefits(String ebs) {
        String withoutEbs = SANDBOX_ACTIVE.replaceAll("(?m)^EB\\*.*\\n", "");
        String text = withoutEbs.replace("SE*", ebs.strip() + "\nSE*");
        long count = text.lines().dropWhile(l -> !l.startsWith("ST*")).takeWhile(l -> !l.startsWith("GE*")).count();
        return text.replace("SE*20*", "SE*" + count + "*");
    }
}
