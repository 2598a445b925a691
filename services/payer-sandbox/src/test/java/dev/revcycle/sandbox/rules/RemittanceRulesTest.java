package dev.revcycle.sandbox.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.sandbox.rules.RemittanceRule.Outcome;
import dev.revcycle.sandbox.rules.RemittanceRule.PatientShare;
import org.junit.jupiter.api.Test;

class RemittanceRulesTest {

    @Test
    void eachDocumentedCodeHasItsRuleAndAnythingElseIsPlainlyPaid() {
        assertThat(SandboxRules.remittanceRuleFor("99202").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(SandboxRules.remittanceRuleFor("99202").denialReason()).isEqualTo("197");
        assertThat(SandboxRules.remittanceRuleFor("99203").outcome()).isEqualTo(Outcome.PARTLY_PAID);
        assertThat(SandboxRules.remittanceRuleFor("99203").denialReason()).isEqualTo("97");
        assertThat(SandboxRules.remittanceRuleFor("99204").outcome()).isEqualTo(Outcome.PAID_THEN_REVERSED);
        assertThat(SandboxRules.remittanceRuleFor("99205").outcome()).isEqualTo(Outcome.PAID_WITH_INTEREST);
        assertThat(SandboxRules.remittanceRuleFor("99213").patientShare()).isEqualTo(PatientShare.COPAY_ON_LINE_1);
        assertThat(SandboxRules.remittanceRuleFor(" 99214 ").patientShare()).isEqualTo(PatientShare.COINSURANCE);
        assertThat(SandboxRules.remittanceRuleFor("99215").patientShare())
                .isEqualTo(PatientShare.DEDUCTIBLE_ON_LINE_1);
        assertThat(SandboxRules.remittanceRuleFor("99211").outcome()).isEqualTo(Outcome.PAID_BELOW_CONTRACT);
        assertThat(SandboxRules.CONTRACT_RATES).containsOnlyKeys("99211");
        assertThat(SandboxRules.CONTRACT_RATES.get("99211")).isEqualByComparingTo("50.00");
        assertThat(SandboxRules.UNDERPAID_SHARE).isEqualByComparingTo("0.90");
        for (String other : new String[] {"99212", "j1100", "", null}) {
            RemittanceRule rule = SandboxRules.remittanceRuleFor(other);
            assertThat(rule.outcome()).isEqualTo(Outcome.PAID);
            assertThat(rule.patientShare()).isEqualTo(PatientShare.NONE);
        }
        assertThat(SandboxRules.ALLOWED_SHARE).isEqualByComparingTo("0.80");
        assertThat(SandboxRules.COPAY).isEqualByComparingTo("25.00");
        assertThat(SandboxRules.COINSURANCE).isEqualByComparingTo("0.20");
        assertThat(SandboxRules.DEDUCTIBLE).isEqualByComparingTo("50.00");
        assertThat(SandboxRules.INTEREST).isEqualByComparingTo("1.25");
    }

    @Test
    void aDenyingRuleNeedsItsCarc() {
        assertThatThrownBy(() -> new RemittanceRule("x", c -> true, Outcome.DENIED, PatientShare.NONE, null, "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
