package dev.revcycle.common.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verified bearer tokens, remembered until they expire, so that a client sending the same token on
 * every request pays the RS256 verification once per token rather than once per request (it was
 * about a tenth of a registration's CPU). Keyed by the SHA-256 of the token; a hit is taken only
 * when the token is byte for byte the one verified and its {@code exp} is still ahead, by the
 * system clock (the one the verifier uses). Everything else — an unknown, different, expired or
 * unverifiable token — goes to the verifier, which accepts or refuses it as before. Bounded: past
 * {@link #MAX_ENTRIES} tokens the expired ones are dropped, then all if still full.
 */
public class VerifiedTokens implements JWTParser {
    static final int MAX_ENTRIES = 10_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String key = sha256(token);
        JsonWebToken known = verified.get(key);
        if (known != null) {
            if (usable(known, token)) {
                return known;
            }
            verified.remove(key, known);
        }
        JsonWebToken jwt = verifier.parse(token);
        if (jwt.getExpirationTime() > 0 && usable(jwt, token)) {
            if (verified.size() >= MAX_ENTRIES) {
                evict();
            }
            verified.put(key, jwt);
        }
        return jwt;
    }

    private boolean usable(JsonWebToken jwt, String token) {
        return clock.millis() < jwt.getExpirationTime() * 1000
                && jwt.getRawToken() != null
                && MessageDigest.isEqual(jwt.getRawToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private void evict() {
        long now = clock.millis();
        for (Iterator<JsonWebToken> it = verified.values().iterator(); it.hasNext(); ) {
            if (now >= it.next().getExpirationTime() * 1000) {
                it.remove();
            }
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
    }

    int size() {
        return verified.size();
    }

    private static String sha256(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Verification with another context or key is not what requests use: never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }
}
