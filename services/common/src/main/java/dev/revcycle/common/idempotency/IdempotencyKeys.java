package dev.revcycle.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.revcycle.common.db.Sql;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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
    Sql sql;

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
     * transaction (its {@code @Transactional} methods join the one opened here): the key is taken,
     * the effect made and the response stored in that one transaction, so they commit together or
     * not at all (a failed request leaves the key free for a retry).
     * <p>
     * While it runs, the key is held by a transaction-scoped advisory lock on a 64-bit digest of
     * (scope, key): a concurrent request with the same key does not get the lock and answers 409 at
     * once, without waiting; a later one finds the stored response. The primary key of
     * {@code idempotency_record} is the last guard: a request that ran although another one completed
     * with the key (a digest collision, or a record of an older version of this class still
     * {@code IN_PROGRESS}) cannot store its response, is rolled back and answers what the record says.
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
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotentResponse response = action.get();
                return toResponse(response, serialize(response.body()));
            });
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = fingerprint(request);
        long lock = lockKey(scope, key);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Earlier earlier = earlier(scope, key, hash, lock);
                if (earlier.replay() != null) {
                    return earlier.replay();
                }
                IdempotentResponse response = action.get();
                String body = serialize(response.body());
                if (!store(scope, key, hash, response, body, earlier.createdAt())) {
                    throw new StoredMeanwhile();
                }
                return toResponse(response, body);
            });
        } catch (StoredMeanwhile e) {
            // rolled back, nothing took effect: answer what the record stored meanwhile says
            return QuarkusTransaction.requiringNew().call(() -> {
                Earlier earlier = earlier(scope, key, hash, lock);
                if (earlier.replay() != null) {
                    return earlier.replay();
                }
                throw inProgress();
            });
        }
    }

    /** The key's record, if any, once this transaction holds the key's lock. */
    private record Earlier(Response replay, Timestamp createdAt) {
    }

    /** Another request with the key could not store its response (see {@link #execute}); never leaves this class. */
    private static final class StoredMeanwhile extends RuntimeException {
        StoredMeanwhile() {
            super("idempotency record stored meanwhile", null, false, false);
        }
    }

    static final String LOCK = "SELECT pg_try_advisory_xact_lock(?)";
    static final String FIND = """
            SELECT request_hash, state, response_status, response_body, response_location, created_at
            FROM idempotency_record WHERE scope = ? AND idempotency_key = ?""";
    /**
     * Stores the response; takes over only a record of an older version of this class left
     * {@code IN_PROGRESS} by a request that died (created before the last parameter).
     */
    static final String STORE = """
            INSERT INTO idempotency_record (scope, idempotency_key, request_hash, state, response_status, response_body,
                response_location, created_at, completed_at)
            VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?)
            ON CONFLICT (scope, idempotency_key) DO UPDATE
            SET state = 'COMPLETED', response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body,
                response_location = EXCLUDED.response_location, created_at = EXCLUDED.created_at,
                completed_at = EXCLUDED.completed_at
            WHERE idempotency_record.state = 'IN_PROGRESS' AND idempotency_record.request_hash = EXCLUDED.request_hash
                AND idempotency_record.created_at < ?""";

    /**
     * Takes the key's lock (409 when another transaction holds it), then reads what an earlier
     * request with the key decided: its response to replay, a 422 for another body, a 409 while a
     * request of an older version of this class still runs with it; nothing for a new key.
     */
    private Earlier earlier(String scope, String key, String hash, long lock) {
        return sql.work(c -> {
            try (PreparedStatement s = c.prepareStatement(LOCK)) {
                s.setLong(1, lock);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw inProgress();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setString(1, scope);
                s.setString(2, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return new Earlier(null, null);
                    }
                    // constant time: the comparison must not tell how much of a guess was right
                    if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8),
                            String.valueOf(rs.getString(1)).getBytes(StandardCharsets.UTF_8))) {
                        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                "Use a new Idempotency-Key for a different request");
                    }
                    Timestamp created = rs.getTimestamp(6);
                    if ("IN_PROGRESS".equals(rs.getString(2))) {
                        if (created.toInstant().plus(ABANDONED_AFTER).isBefore(clock.instant())) {
                            return new Earlier(null, created); // its request died: take it over
                        }
                        throw inProgress();
                    }
                    Response.ResponseBuilder replay = Response.status(rs.getInt(3)).header("Idempotent-Replayed", "true");
                    String body = rs.getString(4);
                    if (body != null) {
                        replay.entity(body).type(MediaType.APPLICATION_JSON);
                    }
                    String location = rs.getString(5);
                    if (location != null) {
                        replay.location(URI.create(location));
                    }
                    return new Earlier(replay.build(), created);
                }
            }
        });
    }

    /** @return false when the key's record holds another request's outcome (this one must not take effect) */
    private boolean store(String scope, String key, String hash, IdempotentResponse response, String body,
                          Timestamp abandonedRecordCreated) {
        Instant now = clock.instant();
        Timestamp abandonedBefore = abandonedRecordCreated != null
                ? Timestamp.from(abandonedRecordCreated.toInstant().plusNanos(1000))
                : Timestamp.from(now.minus(ABANDONED_AFTER));
        return sql.work(c -> {
            try (PreparedStatement s = c.prepareStatement(STORE)) {
                s.setString(1, scope);
                s.setString(2, key);
                s.setString(3, hash);
                s.setInt(4, response.status());
                s.setString(5, body);
                s.setString(6, response.location() == null ? null : response.location().toString());
                s.setTimestamp(7, Timestamp.from(now));
                s.setTimestamp(8, Timestamp.from(now));
                s.setTimestamp(9, abandonedBefore);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static ProblemException inProgress() {
        return new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                "Retry once the first request with this Idempotency-Key has finished");
    }

    /**
     * The advisory lock a running request holds for its key: the first 64 bits of SHA-256(scope, 0, key).
     * Public for tests that play a request still running with a key.
     */
    public static long lockKey(String scope, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Response toResponse(IdempotentResponse response, String body) {
        Response.ResponseBuilder builder = Response.status(response.status());
        if (body != null) {
            builder.entity(body).type(MediaType.APPLICATION_JSON);
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
