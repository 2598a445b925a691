package dev.revcycle.sandbox.eligibility;

/**
 * A request that is not a 270 the sandbox can answer. The message names segments and positions only:
 * it reaches the caller in a problem body and must never carry an element value.
 */
public class MalformedInquiryException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedInquiryException(String message) {
        super(message);
    }

    public MalformedInquiryException(String message, Throwable cause) {
        super(message, cause);
    }
}
