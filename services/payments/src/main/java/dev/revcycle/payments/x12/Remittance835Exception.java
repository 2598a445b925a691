package dev.revcycle.payments.x12;

/**
 * An 835 that cannot be read: the message names the segment (identifier and position) and element, never a value.
 */
public class Remittance835Exception extends Exception {

    private static final long serialVersionUID = 1L;

    public Remittance835Exception(String message) {
        super(message);
    }

    public Remittance835Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
