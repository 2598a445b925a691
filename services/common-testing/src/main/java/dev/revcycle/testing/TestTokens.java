package dev.revcycle.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Bearer tokens as the organisation's OIDC provider would issue them, signed with {@link TestKeys}. */
public final class TestTokens {
    public static final String ISSUER = "https://revcycle.dev/local";

    private TestTokens() {
    }

    public static String token(String subject, Set<String> roles, List<String> practices) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .claim("practices", practices)
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(1))
                .jws().keyId("test")
                .sign(TestKeys.privateKey());
    }

    public static String token(String role, String... practices) {
        return token("test-" + role, Set.of(role), List.of(practices));
    }

    /** Signed with a key the service does not trust. */
    public static String forged(String role, String... practices) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).subject("intruder").groups(Set.of(role)).claim("practices", List.of(practices))
                    .expiresIn(Duration.ofHours(1)).sign(generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expired(String role, String... practices) {
        return Jwt.issuer(ISSUER).subject("test-" + role).groups(Set.of(role)).claim("practices", List.of(practices))
                .issuedAt(Instant.now().minus(Duration.ofHours(3)))
                .expiresAt(Instant.now().minus(Duration.ofHours(2)))
                .sign(TestKeys.privateKey());
    }
}
