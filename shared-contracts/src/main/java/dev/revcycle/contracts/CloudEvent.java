package dev.revcycle.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The CloudEvents 1.0 envelope (structured JSON mode) every revcycle event travels in.
 *
 * @param subject the aggregate id the event is about (also the Kafka key)
 * @param data    the event payload, one of the records in this module; each carries its aggregate's
 *                {@code version} (from 1, increasing with every event of the aggregate), by which
 *                consumers apply events in order and ignore a redelivered or replayed older one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The Kafka content-type header value of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public static <T> CloudEvent<T> of(String id, String source, String type, Instant time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, time, subject, JSON, data);
    }
}
