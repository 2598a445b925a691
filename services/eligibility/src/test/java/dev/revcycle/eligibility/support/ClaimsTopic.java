package dev.revcycle.eligibility.support;

import dev.revcycle.testing.TopicWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ProviderChanged;
import dev.revcycle.contracts.claims.ProviderDetails;
import dev.revcycle.contracts.claims.ProviderRegistered;
import dev.revcycle.testing.EventSchemas;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes on revcycle.claims.events.v1 what the claims service would about providers, with a plain
 * producer, each event checked against its JSON Schema first. Like {@link PatientsTopic}, the first
 * send waits until a sentinel provider has arrived, so that no test event is published before the
 * application's consumer has its partitions.
 */
public final class ClaimsTopic {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean consumerAssigned;

    private ClaimsTopic() {
    }

    /** A provider of a practice as claims describes it in its events. */
    public static ProviderDetails provider(UUID id, String practiceId, String npi, String name, String entityType,
                                           boolean defaultBilling) {
        return new ProviderDetails(id, practiceId, npi, name, entityType, "207Q00000X", defaultBilling);
    }

    /** The same provider with its default-billing mark set or taken away. */
    public static ProviderDetails marked(ProviderDetails p, boolean defaultBilling) {
        return new ProviderDetails(p.providerId(), p.practiceId(), p.npi(), p.name(), p.entityType(), p.taxonomyCode(),
                defaultBilling);
    }

    public static String registered(ProviderDetails p, Instant time) {
        return event(EventTypes.PROVIDER_REGISTERED, p.providerId(), new ProviderRegistered(p, 1), time);
    }

    public static String changed(ProviderDetails p, long version, Instant time) {
        return event(EventTypes.PROVIDER_CHANGED, p.providerId(), new ProviderChanged(p, version), time);
    }

    /** An event with the payload and time of {@code event} under a new id, as a replay of an old state would be. */
    public static String anotherEventLike(String event) throws EventJson.MalformedEventException {
        CloudEvent<JsonNode> e = EventJson.read(event);
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), e.source(), e.type(), e.time(), e.subject(),
                e.data()));
    }

    private static String event(String type, UUID subject, Object data, Instant time) {
        String json = EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), "revcycle/claims", type, time,
                subject.toString(), data));
        try {
            EventSchemas.assertValid("claims", JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return json;
    }

    /** Sends under the provider's id (claims' key) and waits for the broker's acknowledgement. */
    public static synchronized void send(UUID key, String value) {
        awaitConsumer();
        publish(key.toString(), value);
    }

    /** Claims' version of the provider that eligibility's record reflects; 0 when it has none. */
    public static long appliedVersion(UUID providerId) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT applied_version FROM known_provider WHERE id = ?")) {
            s.setObject(1, providerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until eligibility's record of the provider reflects {@code version}. */
    public static void awaitVersion(UUID providerId, long version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (appliedVersion(providerId) < version) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("eligibility did not learn version " + version + " of provider " + providerId
                        + " within 60s");
            }
            TopicWriter.pause();
        }
    }

    private static void awaitConsumer() {
        if (!consumerAssigned) {
            TopicWriter.awaitConsumer("eligibility's consumer of claims' topic",
                    sentinel -> publish(sentinel.toString(), registered(provider(sentinel, "sentinel", "1234567893",
                            "Sentinel Clinic", "ORGANIZATION", false), Instant.now())),
                    sentinel -> appliedVersion(sentinel) > 0);
            consumerAssigned = true;
        }
    }


    private static void publish(String key, String value) {
        TopicWriter.publish(Topics.CLAIMS, key, value);
    }

}
