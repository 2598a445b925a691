package dev.revcycle.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsnTest {
    @ParameterizedTest
    @CsvSource({
            "123456789, true", "001010001, true", "899999999, true",
            "000123456, false", "666123456, false", "900123456, false", "999999999, false",
            "123006789, false", "123450000, false", "12345678, false", "12345678a, false"})
    void issuedNumbersOnly(String ssn, boolean valid) {
        assertThat(Ssn.isValid(ssn)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"123456789, ***-**-6789"})
    void masksAllButTheLastFour(String ssn, String masked) {
        assertThat(Ssn.masked(Ssn.lastFour(ssn))).isEqualTo(masked);
    }
}
