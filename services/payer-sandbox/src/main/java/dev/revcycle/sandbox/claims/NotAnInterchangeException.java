package dev.revcycle.sandbox.claims;

/**
 * A body that cannot be acknowledged at all: no ISA header, no functional group, or not an 837. The message
 * names segments and positions only, never an element value.
 */
public class NotAnInterchangeException extends Exception {

    private static final long serialVersionUID = 1L;

    public NotAnInterchangeException(String message) {
        super(message);
    }
}
