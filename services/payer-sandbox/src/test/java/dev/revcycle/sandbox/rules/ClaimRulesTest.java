package dev.revcycle.sandbox.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimRulesTest {

    @Test
    void r69IsRejectedA7AndEverythingElseAcceptedA2() {
        assertThat(SandboxRules.claimRuleFor("R69").category()).isEqualTo("A7");
        assertThat(SandboxRules.claimRuleFor("R69").statusCode()).isEqualTo("21");
        assertThat(SandboxRules.claimRuleFor("r6.9").category()).isEqualTo("A7");
        assertThat(SandboxRules.claimRuleFor("E119").category()).isEqualTo("A2");
        assertThat(SandboxRules.claimRuleFor("R690").category()).isEqualTo("A2");
        assertThat(SandboxRules.claimRuleFor("").accepted()).isTrue();
        assertThat(SandboxRules.claimRuleFor(null).accepted()).isTrue();
    }
}
