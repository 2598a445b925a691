package dev.revcycle.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayerDetailsTest {
    private static PayerDetails named(String name) {
        return new PayerDetails(name, PayerType.COMMERCIAL, "SBX01", 365).normalized();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sandbox Health", "Blue Cross & Blue Shield of Illinois (BCBSIL)", "Aetna Better Health | IL",
            "Plan #4, 50% / \"Gold\""})
    void aNameInTheX12CharacterSetIsAccepted(String name) {
        assertThat(named(name).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sandbox Health 😀", "Salud José", "北京 Health", "A*B", "A~B", "A:B", "A^B",
            "A payer name of more than sixty characters, too long for NM103"})
    void aNameOutsideItIsRefusedNamingTheField(String name) {
        assertThat(named(name).violations()).extracting("field").containsExactly("name");
        assertThat(named(name).violations().get(0).message()).startsWith("must be 1 to 60 characters of the X12 character set");
    }
}
