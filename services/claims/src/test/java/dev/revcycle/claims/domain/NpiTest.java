package dev.revcycle.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpiTest {
    @ParameterizedTest
    @CsvSource({"1234567893,true", "1234567890,false", "123456789,false", "12345678931,false", "12345678a3,false",
            "1245319599,true"})
    void theCheckDigitIsLuhnOverThe80840Prefix(String npi, boolean valid) {
        assertEquals(valid, Npi.valid(npi));
    }
}
