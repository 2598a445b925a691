package dev.revcycle.claims.app;

import java.util.List;

/**
 * The port to the clearinghouse that carries a batch's 837 to the payers (the answers, 999 and 277CA, come
 * back later through the mailbox) and a claim status inquiry's 276, answered by the payer's 277 in the same
 * exchange. Implementations never throw for a failed exchange: they say what went wrong,
 * so that the batch records it (FAILED, retriable) and its claims stay READY.
 */
public interface Clearinghouse {

    /**
     * @param fileIds what the clearinghouse named the files it will answer with, when it said (may be empty)
     * @param failure what went wrong (e.g. "clearinghouse timed out"), null when the file was taken; never PHI
     */
    record Submission(List<String> fileIds, String failure) {
        public Submission {
            fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        }

        public static Submission accepted(List<String> fileIds) {
            return new Submission(fileIds, null);
        }

        public static Submission failed(String reason) {
            return new Submission(List.of(), reason);
        }

        public boolean taken() {
            return failure == null;
        }
    }

    Submission send837(String x837);

    /**
     * The answer to a 276: the payer's 277 as received, or what went wrong. {@code unavailable} tells an outage
     * (timeout, no connection, 5xx: try again later) from an answer that is not one (4xx, an empty body).
     */
    record StatusExchange(String x277, String failure, boolean unavailable) {
        public static StatusExchange answered(String x277) {
            return new StatusExchange(x277, null, false);
        }

        public static StatusExchange unavailable(String reason) {
            return new StatusExchange(null, reason, true);
        }

        public static StatusExchange refused(String reason) {
            return new StatusExchange(null, reason, false);
        }

        public boolean ok() {
            return failure == null;
        }

        @Override
        public String toString() {
            return ok() ? "StatusExchange[answered]" : "StatusExchange[" + failure + "]";
        }
    }

    /** Sends a claim status inquiry (X12 276) and waits for the 277. Never throws for a failed exchange. */
    StatusExchange inquire(String x276);
}
