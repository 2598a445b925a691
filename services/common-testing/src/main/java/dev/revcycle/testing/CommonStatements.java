package dev.revcycle.testing;

import dev.revcycle.common.inbox.Inbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The statements revcycle-common runs per request or per event on its own tables (PHI audit, outbox
 * and relay, Idempotency-Key, inbox), with the SQL as common sends it, for a service's plan test:
 * {@code Stream.concat(ownStatements, CommonStatements.perRequest(...).stream())} into
 * {@link QueryPlans#assertBounded}. One list, so that every service checks the same statements and a
 * change of common's SQL is made here once. The periodic jobs (the relay's backlog gauge, the
 * retention clean-up) are not per request and are not listed.
 */
public final class CommonStatements {
    private CommonStatements() {
    }

    /**
     * @param scope      an Idempotency-Key scope of the service (e.g. {@code "POST /patients|registrar-1"})
     * @param topic      the service's topic
     * @param eventType  one of its event types
     * @param practice   the seeded practice
     * @param auditedId  the id whose audit trail is read (a seeded record, or a placeholder the test replaces)
     */
    public static List<Arguments> perRequest(String scope, String topic, String eventType, String practice,
                                             Object auditedId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        return List.of(
                // PhiAudit
                Arguments.of("audit insert", "INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, "
                        + "resource_id, practice_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        new Object[] {now, "user-1", "READ", "record", id, practice, "SUCCESS"}),
                Arguments.of("audit trail: count", "SELECT count(*) FROM phi_audit_event "
                        + "WHERE resource_id = ? AND practice_id IN (?)", new Object[] {auditedId, practice}),
                Arguments.of("audit trail: page", "SELECT id, occurred_at, actor, action, resource_type, resource_id, "
                        + "practice_id, outcome FROM phi_audit_event WHERE resource_id = ? AND practice_id IN (?) "
                        + "ORDER BY occurred_at DESC, id DESC fetch first ? rows only", new Object[] {auditedId, practice, 20}),
                // Outbox, RelayWorker
                Arguments.of("outbox insert", "INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", new Object[] {id, topic, id.toString(), eventType, "{}", now}),
                Arguments.of("outbox relay: unsent batch", "SELECT seq, topic, message_key, payload FROM outbox_event "
                        + "WHERE published_at IS NULL ORDER BY seq LIMIT ?", new Object[] {2000}),
                Arguments.of("outbox relay: mark sent", "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 "
                        + "WHERE seq = ANY(?)", new Object[] {new long[] {1, 2, 3}}),
                // IdempotencyKeys (the key's advisory lock, its record, the response stored with the effect)
                Arguments.of("idempotency lock", "SELECT pg_try_advisory_xact_lock(?)", new Object[] {42L}),
                Arguments.of("idempotency replay", "SELECT request_hash, state, response_status, response_body, "
                        + "response_location, created_at FROM idempotency_record WHERE scope = ? AND idempotency_key = ?",
                        new Object[] {scope, "key-21"}),
                Arguments.of("idempotency store", "INSERT INTO idempotency_record (scope, idempotency_key, request_hash, "
                        + "state, response_status, response_body, response_location, created_at, completed_at) "
                        + "VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?) ON CONFLICT (scope, idempotency_key) DO UPDATE "
                        + "SET state = 'COMPLETED', response_status = EXCLUDED.response_status, response_body = "
                        + "EXCLUDED.response_body, response_location = EXCLUDED.response_location, created_at = "
                        + "EXCLUDED.created_at, completed_at = EXCLUDED.completed_at WHERE idempotency_record.state = "
                        + "'IN_PROGRESS' AND idempotency_record.request_hash = EXCLUDED.request_hash AND "
                        + "idempotency_record.created_at < ?",
                        new Object[] {scope, "new-key", "hmac-sha256:00", 201, "{}", "/things/1", now, now, now}));
    }

    /** What the inbox runs for each batch of events a consumer receives (a service that consumes adds these). */
    public static List<Arguments> perEventBatch(String consumer, String eventType) {
        String[] ids = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        return List.of(
                Arguments.of("inbox: already applied", Inbox.ALREADY_APPLIED, new Object[] {ids, consumer}),
                Arguments.of("inbox: record the batch", Inbox.RECORD,
                        new Object[] {consumer, Instant.now(), ids, new String[] {eventType, eventType},
                                new String[] {"applied", "applied"}}));
    }
}
