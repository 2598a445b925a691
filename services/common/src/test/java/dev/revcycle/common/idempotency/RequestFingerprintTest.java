package dev.revcycle.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored request fingerprint is keyed: without the key it confirms nothing about the request. */
class RequestFingerprintTest {
    private static final String KEY = Base64.getEncoder().encodeToString("a-32-byte-key-for-this-test-only".getBytes());
    private static final Map<String, Object> REQUEST = Map.of("ssn", "123456789", "lastName", "Lopez",
            "dateOfBirth", LocalDate.of(1984, 3, 9));

    private static IdempotencyKeys keyed(String base64) {
        IdempotencyKeys keys = new IdempotencyKeys();
        keys.configuredKey = Optional.ofNullable(base64);
        keys.readKey();
        return keys;
    }

    @Test
    void theSameRequestHasTheSameFingerprintWhichIsNotItsPlainDigest() throws Exception {
        String fingerprint = keyed(KEY).fingerprint(REQUEST);
        assertThat(keyed(KEY).fingerprint(Map.of("dateOfBirth", LocalDate.of(1984, 3, 9), "lastName", "Lopez",
                "ssn", "123456789"))).isEqualTo(fingerprint);
        assertThat(keyed(KEY).fingerprint(Map.of("ssn", "123456780", "lastName", "Lopez",
                "dateOfBirth", LocalDate.of(1984, 3, 9)))).isNotEqualTo(fingerprint);

        ObjectMapper canonical = new ObjectMapper().findAndRegisterModules()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.writeValueAsBytes(canonical.convertValue(REQUEST, Object.class))));
        assertThat(fingerprint).startsWith("hmac-sha256:").doesNotContain(plain);
    }

    @Test
    void anotherKeyGivesAnotherFingerprint() {
        String other = Base64.getEncoder().encodeToString("another-32-byte-key-for-the-test".getBytes());
        assertThat(keyed(other).fingerprint(REQUEST)).isNotEqualTo(keyed(KEY).fingerprint(REQUEST));
    }

    @Test
    void noKeyOrAShortKeyStopsTheService() {
        assertThatThrownBy(() -> keyed(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY");
        assertThatThrownBy(() -> keyed(" ")).isInstanceOf(IllegalStateException.class);
        String shortKey = Base64.getEncoder().encodeToString("too-short".getBytes());
        assertThatThrownBy(() -> keyed(shortKey)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> keyed("not base64 !")).isInstanceOf(IllegalStateException.class);
    }
}
