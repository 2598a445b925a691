package dev.revcycle.claims.x12;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;

/**
 * Reads a clearinghouse answer file — a 999 or a 277CA, told apart by the first ST01 — leniently as to the
 * envelope (see {@link Ack999Reader}). Anything else, or text that is not X12, is an
 * {@link AcknowledgementException} whose message names segments and positions, never values.
 */
public final class AcknowledgementReader {

    private final Ack999Reader reader999 = new Ack999Reader();
    private final Ack277CAReader reader277 = new Ack277CAReader();

    public Acknowledgement read(String x12) throws AcknowledgementException {
        Interchange interchange;
        try {
            interchange = X12Reader.lenient().read(x12 == null ? "" : x12);
        } catch (X12Exception e) {
            throw new AcknowledgementException("not a readable X12 interchange: " + e.getMessage());
        }
        if (interchange.transactions().isEmpty()) {
            throw new AcknowledgementException("the interchange holds no transaction set");
        }
        String type = interchange.transactions().get(0).type();
        return switch (type) {
            case "999" -> reader999.read(interchange);
            case "277" -> reader277.read(interchange);
            default -> throw new AcknowledgementException(
                    "transaction " + type + " is not an acknowledgement (a 999 or a 277CA is expected)");
        };
    }
}
