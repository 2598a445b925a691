package dev.revcycle.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.contracts.CloudEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one way a consumer checks what an event it has bound must carry: each returns the value or throws
 * {@link MalformedEventException} naming the event's type and what is missing (never the value: it may be PHI),
 * so that an event that can never apply is dead-lettered with a readable reason.
 */
public final class EventFields {
    private EventFields() {
    }

    /** The producer's version of the record; versions start at 1, so 0 (absent) can never apply. */
    public static long version(long version, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (version < 1) {
            throw new MalformedEventException(event.type() + " without a version");
        }
        return version;
    }

    /** An id the event must carry. */
    public static UUID id(UUID id, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (id == null) {
            throw new MalformedEventException(event.type() + " without an id it needs");
        }
        return id;
    }

    public static String practice(String practiceId, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (practiceId == null || practiceId.isBlank()) {
            throw new MalformedEventException(event.type() + " without a practice");
        }
        return practiceId;
    }

    /** An amount of money: present, at most two decimals, returned with two. */
    public static BigDecimal amount(BigDecimal amount, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (amount == null || amount.stripTrailingZeros().scale() > 2) {
            throw new MalformedEventException(event.type() + " without an amount of at most two decimals");
        }
        return amount.setScale(2);
    }

    public static LocalDate date(LocalDate date, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (date == null) {
            throw new MalformedEventException(event.type() + " without its date");
        }
        return date;
    }
}
