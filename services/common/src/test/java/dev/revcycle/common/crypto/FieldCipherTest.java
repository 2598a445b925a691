package dev.revcycle.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final FieldCipher cipher = new FieldCipher(randomKey());

    @Test
    void roundTripsAndHidesThePlaintext() {
        byte[] sealed = cipher.encrypt("ssn", "123456789");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("123456789", "6789");
        assertThat(cipher.decrypt("ssn", sealed)).isEqualTo("123456789");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("ssn", "123456789")).isNotEqualTo(cipher.encrypt("ssn", "123456789"));
    }

    @Test
    void refusesAnotherKeyAnotherFieldOrATamperedValue() {
        byte[] sealed = cipher.encrypt("ssn", "123456789");
        assertThatThrownBy(() -> new FieldCipher(randomKey()).decrypt("ssn", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("member_id", sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("ssn", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new FieldCipher(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> FieldCipher.fromBase64("not base64!")).hasMessageContaining("base64");
    }
}
