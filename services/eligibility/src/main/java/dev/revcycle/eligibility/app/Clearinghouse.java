package dev.revcycle.eligibility.app;

/**
 * The port to the clearinghouse that carries a 270 to the payer and its 271 back. Implementations
 * never throw for a failed exchange: they say what went wrong, so that the check records it.
 */
public interface Clearinghouse {

    /**
     * @param body    what came back with a 2xx, or null
     * @param failure what went wrong (e.g. "clearinghouse timed out"), null when a body came back; never PHI
     */
    record Exchange(String body, String failure) {
        public static Exchange answered(String body) {
            return new Exchange(body, null);
        }

        public static Exchange failed(String reason) {
            return new Exchange(null, reason);
        }

        @Override
        public String toString() {
            return failure == null ? "Exchange[answered]" : "Exchange[" + failure + "]";
        }
    }

    Exchange send270(String x270);
}
