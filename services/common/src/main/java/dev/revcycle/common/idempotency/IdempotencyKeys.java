package dev.revcycle.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.revcycle.common.db.SqlValues;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} handling, the same for every POST that must take effect once:
 * <ul>
 *   <li>first request with a key: runs; its response is stored in the same transaction as its effect;</li>
 *   <li>same key, same body: the stored response again, no second effect;</li>
 *   <li>same key, different body: 422;</li>
 *   <li>same key while the first is still running: 409;</li>
 *   <li>no key where one is required: 400.</li>
 * </ul>
 * Keys are scoped to the caller and the operation, so two clients cannot collide.
 * <p>
 * The stored request fingerprint is an HMAC-SHA-256 keyed with {@code revcycle.idempotency.fingerprint-key}
 * (base64 of at least 32 random bytes; a secret like the PHI key, never committed for production),
 * never a plain digest: a request holds PHI (an SSN, a member id), and a plain digest would let anyone
 * who reads the table confirm a guessed value without any key.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** A record left IN_PROGRESS this long belongs to a request that died; a retry may take it over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    /** Marks a stored fingerprint as keyed, so that a future algorithm can be told apart. */
    static final String FINGERPRINT_PREFIX = "hmac-sha256:";
    private static final String FINGERPRINT_KEY = "revcycle.idempotency.fingerprint-key";

    private final ObjectMapper canonical;
    private SecretKeySpec fingerprintKey;

    @ConfigProperty(name = FINGERPRINT_KEY)
    Optional<String> configuredKey;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    public IdempotencyKeys() {
        this.canonical = new ObjectMapper().findAndRegisterModules()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    @PostConstruct
    void readKey() {
        String base64 = configuredKey.map(String::trim).filter(k -> !k.isEmpty()).orElseThrow(() ->
                new IllegalStateException(FINGERPRINT_KEY + " (REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY) is not set"));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(FINGERPRINT_KEY + " must be base64 of at least 32 random bytes");
        }
        if (key.length < 32) {
            throw new IllegalStateException(FINGERPRINT_KEY + " must be base64 of at least 32 random bytes");
        }
        fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** A missing or weak key stops the start, not the first retried request. */
    void verifyAtStart(@Observes StartupEvent event) {
        // nothing more: creating the bean read the key
    }

    /**
     * Runs {@code action} once for {@code key}. The action must do its work in the current
     * transaction (its {@code @Transactional} methods join the one opened here), so the effect
     * and the stored response commit together.
     *
     * @param scope    the operation and caller, e.g. {@code "POST /patients|" + caller.subject()}
     * @param request  everything that identifies the request (body and relevant parameters)
     * @param required whether a missing key is a 400 (every POST that moves money) or just runs
     */
    public Response execute(String scope, String key, boolean required, Object request,
                            Supplier<IdempotentResponse> action) {
        if (key == null || key.isBlank()) {
            if (required) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISSING,
                        "Send an Idempotency-Key header (for example a UUID) so that a retry cannot take effect twice");
            }
            return toResponse(QuarkusTransaction.requiringNew().call(action::get));
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = fingerprint(request);
        Response replay = QuarkusTransaction.requiringNew().call(() -> claim(scope, key, hash));
        if (replay != null) {
            return replay;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotentResponse response = action.get();
                complete(scope, key, response);
                return toResponse(response);
            });
        } catch (RuntimeException e) {
            // Nothing took effect: free the key so that the client may retry.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "DELETE FROM idempotency_record WHERE scope = :scope AND idempotency_key = :key AND state = 'IN_PROGRESS'")
                    .setParameter("scope", scope).setParameter("key", key).executeUpdate());
            throw e;
        }
    }

    /** Claims the key, or answers with what an earlier request with it decides. */
    private Response claim(String scope, String key, String hash) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = em.createNativeQuery("""
                        INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, created_at)
                        VALUES (:scope, :key, :hash, 'IN_PROGRESS', :now)
                        ON CONFLICT DO NOTHING""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 1) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT request_hash, state, response_status, response_body, response_location, created_at
                        FROM idempotency_record WHERE scope = :scope AND idempotency_key = :key FOR UPDATE""")
                .setParameter("scope", scope).setParameter("key", key)
                .getResultList();
        if (rows.isEmpty()) {
            // Freed between our insert and select: the earlier request failed. Claim it now.
            return claim(scope, key, hash);
        }
        Object[] row = rows.get(0);
        // constant time: the comparison must not tell how much of a guess was right
        if (!java.security.MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8),
                String.valueOf(row[0]).getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Use a new Idempotency-Key for a different request");
        }
        if ("IN_PROGRESS".equals(row[1])) {
            java.time.Instant created = SqlValues.instant(row[5]);
            if (created.plus(ABANDONED_AFTER).isBefore(clock.instant())) {
                em.createNativeQuery("UPDATE idempotency_record SET created_at = :now WHERE scope = :scope AND idempotency_key = :key")
                        .setParameter("now", now).setParameter("scope", scope).setParameter("key", key)
                        .executeUpdate();
                return null;
            }
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                    "Retry once the first request with this Idempotency-Key has finished");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[2]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[3] != null) {
            replay.entity(row[3]).type(MediaType.APPLICATION_JSON);
        }
        if (row[4] != null) {
            replay.location(URI.create((String) row[4]));
        }
        return replay.build();
    }

    private void complete(String scope, String key, IdempotentResponse response) {
        em.createNativeQuery("""
                        UPDATE idempotency_record
                        SET state = 'COMPLETED', response_status = :status, response_body = :body,
                            response_location = :location, completed_at = :now
                        WHERE scope = :scope AND idempotency_key = :key""")
                .setParameter("status", response.status())
                .setParameter("body", serialize(response.body()))
                .setParameter("location", response.location() == null ? null : response.location().toString())
                .setParameter("now", Timestamp.from(clock.instant()))
                .setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
    }

    private Response toResponse(IdempotentResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        if (response.body() != null) {
            builder.entity(serialize(response.body())).type(MediaType.APPLICATION_JSON);
        }
        if (response.location() != null) {
            builder.location(response.location());
        }
        return builder.build();
    }

    private String serialize(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is not serializable", e);
        }
    }

    /**
     * What is stored to recognise the same request again: the HMAC of its canonical JSON (keys in
     * order, ISO dates). Without the key it says nothing about the request.
     */
    public String fingerprint(Object request) {
        try {
            byte[] canonicalJson = canonical.writeValueAsBytes(canonical.convertValue(request, Object.class));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return FINGERPRINT_PREFIX + HexFormat.of().formatHex(mac.doFinal(canonicalJson));
        } catch (JsonProcessingException | GeneralSecurityException e) {
            // no message: it could quote the request
            throw new IllegalStateException("request cannot be fingerprinted: " + e.getClass().getName());
        }
    }
}
