package dev.revcycle.x12;

import java.util.List;
import java.util.Objects;

/**
 * A transaction to write: its type (ST01) and body, without ST and SE, which {@link X12Writer} adds with the
 * control number and segment count.
 */
public record OutgoingTransaction(String type, List<Segment> body) {

    public OutgoingTransaction {
        Objects.requireNonNull(type, "type");
        if (!type.matches("\\d{3}")) {
            throw new IllegalArgumentException("transaction type (ST01) must be three digits");
        }
        body = List.copyOf(body);
        for (Segment segment : body) {
            if (Envelope.isEnvelope(segment.id())) {
                throw new IllegalArgumentException(
                        "the body holds " + segment.id() + "; envelope segments are written by X12Writer");
            }
        }
    }

    /** Envelope segment identifiers, which only the writer produces. */
    static final class Envelope {
        private Envelope() {
        }

        static boolean isEnvelope(String id) {
            return switch (id) {
                case "ISA", "IEA", "GS", "GE", "ST", "SE" -> true;
                default -> false;
            };
        }
    }
}
