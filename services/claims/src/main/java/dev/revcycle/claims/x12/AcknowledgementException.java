package dev.revcycle.claims.x12;

/**
 * An acknowledgement file that cannot be read: the message says what is wrong and where (segment
 * position and identifier), never an element value.
 */
public class AcknowledgementException extends Exception {
    private static final long serialVersionUID = 1L;

    public AcknowledgementException(String message) {
        super(message);
    }
}
