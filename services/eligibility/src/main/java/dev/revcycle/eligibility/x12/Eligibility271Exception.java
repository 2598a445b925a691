package dev.revcycle.eligibility.x12;

/**
 * A response that cannot be read as a 271 answering our inquiry. The message names segments and positions,
 * never an element value (they are PHI).
 */
public class Eligibility271Exception extends Exception {

    private static final long serialVersionUID = 1L;

    public Eligibility271Exception(String message) {
        super(message);
    }

    public Eligibility271Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
