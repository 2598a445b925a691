package dev.revcycle.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final Instant start = Instant.parse("2026-12-01T12:00:00Z");
    private Instant now = start;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CountingVerifier verifier = new CountingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aTokenIsVerifiedOnceForItsLifetime() throws Exception {
        verifier.valid("token-a", start.plus(Duration.ofHours(1)));
        JsonWebToken first = tokens.parse("token-a");
        JsonWebToken again = tokens.parse("token-a");
        assertThat(again).isSameAs(first);
        assertThat(verifier.calls).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsNeverTakenFromTheCache() throws Exception {
        verifier.valid("token-b", start.plus(Duration.ofMinutes(5)));
        tokens.parse("token-b");
        now = start.plus(Duration.ofMinutes(5)); // exp reached
        verifier.refuse("token-b");
        assertThatThrownBy(() -> tokens.parse("token-b")).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aDifferentTokenIsVerifiedItself() throws Exception {
        verifier.valid("token-c", start.plus(Duration.ofHours(1)));
        tokens.parse("token-c");
        // another token, e.g. the same claims with a forged signature: the verifier decides
        verifier.refuse("token-c-forged");
        assertThatThrownBy(() -> tokens.parse("token-c-forged")).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() throws Exception {
        verifier.refuse("token-d");
        assertThatThrownBy(() -> tokens.parse("token-d")).isInstanceOf(ParseException.class);
        verifier.valid("token-d", start.plus(Duration.ofHours(1)));
        assertThat(tokens.parse("token-d").getRawToken()).isEqualTo("token-d");
        assertThat(verifier.calls).isEqualTo(2);
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEveryTime() throws Exception {
        verifier.valid("token-e", null);
        tokens.parse("token-e");
        tokens.parse("token-e");
        assertThat(verifier.calls).isEqualTo(2);
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES + 10; i++) {
            verifier.valid("t" + i, start.plus(Duration.ofMinutes(1 + i % 2)));
            tokens.parse("t" + i);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
    }

    private static final class CountingVerifier implements JWTParser {
        final Map<String, Instant> expiries = new HashMap<>();
        final Set<String> refused = new java.util.HashSet<>();
        int calls;

        void valid(String token, Instant exp) {
            refused.remove(token);
            expiries.put(token, exp);
        }

        void refuse(String token) {
            refused.add(token);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls++;
            if (refused.contains(token) || !expiries.containsKey(token)) {
                throw new ParseException("refused");
            }
            Instant exp = expiries.get(token);
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return "subject";
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("raw_token", "exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    return (T) switch (name) {
                        case "raw_token" -> token;
                        case "exp" -> exp == null ? null : (Object) exp.getEpochSecond();
                        default -> null;
                    };
                }

                @Override
                public long getExpirationTime() {
                    return exp == null ? 0 : exp.getEpochSecond();
                }
            };
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }
}
