package dev.revcycle.sandbox.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SandboxRulesTest {

    @ParameterizedTest(name = "member id ''{0}'' → {1}, {2}")
    @CsvSource({
            "'',          REJECTED_INVALID_MEMBER_ID, NONE",
            "'   ',       REJECTED_INVALID_MEMBER_ID, NONE",
            "M1000,       INACTIVE,                   NONE",
            "M1099,       REJECTED_INVALID_MEMBER_ID, NONE",
            "M1098,       ACTIVE,                     PAYER_UNAVAILABLE",
            "M1097,       ACTIVE,                     SLOW_ANSWER",
            "M1096,       ACTIVE,                     MALFORMED_ANSWER",
            "M1001,       ACTIVE,                     NONE",
            "M1090,       ACTIVE,                     NONE",
            "00123,       ACTIVE,                     NONE",
            "123456,      ACTIVE,                     NONE",
            "0,           ACTIVE,                     NONE"})
    void theMemberIdsLastTwoCharactersPickTheAnswer(String memberId, Coverage coverage, Fault fault) {
        EligibilityRule rule = SandboxRules.eligibilityRuleFor(memberId);

        assertThat(rule.coverage()).isEqualTo(coverage);
        assertThat(rule.fault()).isEqualTo(fault);
    }

    @Test
    void theTableEndsWithACatchAllSoEveryMemberIdHasAnAnswer() {
        EligibilityRule last = SandboxRules.ELIGIBILITY.get(SandboxRules.ELIGIBILITY.size() - 1);

        assertThat(last.condition()).isEqualTo("any other member id");
        assertThat(last.appliesTo("anything at all")).isTrue();
        assertThat(SandboxRules.ELIGIBILITY).hasSize(7);
    }

    @Test
    void activeBenefitsAreMoneyWithTwoPlaces() {
        ActiveBenefits benefits = SandboxRules.ACTIVE_BENEFITS;

        assertThat(benefits.officeVisitCopay()).isEqualTo(new BigDecimal("25.00"));
        assertThat(benefits.coinsurance()).isEqualTo(new BigDecimal("0.20"));
        assertThat(benefits.deductible()).isEqualTo(new BigDecimal("1500.00"));
        assertThat(benefits.deductibleRemaining()).isEqualTo(new BigDecimal("500.00"));
        assertThat(benefits.outOfPocket()).isEqualTo(new BigDecimal("6000.00"));
        assertThat(benefits.outOfPocketRemaining()).isEqualTo(new BigDecimal("4500.00"));
    }

    @Test
    void aRuleDescribesItselfWithoutAnyMemberId() {
        assertThat(SandboxRules.eligibilityRuleFor("W123456700"))
                .hasToString("EligibilityRule[member id ends in 00 -> 271 with EB*6 (inactive), no benefits]");
    }
}
