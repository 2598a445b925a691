package dev.revcycle.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revcycle.common.api.StrictJson;
import dev.revcycle.contracts.CloudEvent;

/**
 * The one JSON codec for events on Kafka: ISO-8601 dates, decimals read and written exactly,
 * unknown fields tolerated on read (a producer may add fields to a v1 event without breaking
 * consumers). Otherwise as strict as a request body ({@link StrictJson}): a date that is a number, a
 * fraction for an integer, a key twice make a malformed event, never a silently different one.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = StrictJson.configure(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // money stays BigDecimal end to end: never a double, and 25.00 keeps its two places
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build());

    private EventJson() {
    }

    public static String write(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serializable: " + event.type(), e);
        }
    }

    /** Reads an envelope, keeping its data as a tree to be bound once its type is known. */
    public static CloudEvent<JsonNode> read(String json) throws MalformedEventException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject() || !node.hasNonNull("id") || !node.hasNonNull("type")) {
                throw new MalformedEventException("not a CloudEvent: id or type missing");
            }
            return new CloudEvent<>(
                    text(node, "specversion"), text(node, "id"), text(node, "source"), text(node, "type"),
                    node.hasNonNull("time") ? MAPPER.convertValue(node.get("time"), java.time.Instant.class) : null,
                    text(node, "subject"), text(node, "datacontenttype"), node.get("data"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not valid JSON or not a CloudEvent");
        }
    }

    /** Binds an event's data to its payload record. */
    public static <T> T data(CloudEvent<JsonNode> event, Class<T> type) throws MalformedEventException {
        try {
            T value = MAPPER.treeToValue(event.data(), type);
            if (value == null) {
                throw new MalformedEventException(event.type() + " without data");
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " data does not match its schema");
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An event that can never be handled: it goes to the dead-letter topic, with this as the reason. */
    public static class MalformedEventException extends Exception {
        public MalformedEventException(String reason) {
            super(reason, null, false, false);
        }
    }
}
