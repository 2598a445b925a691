package dev.revcycle.claims.app;

import java.util.List;

/**
 * The port to the clearinghouse that carries a batch's 837 to the payers. The answers (999, 277CA) come
 * back later through the mailbox. Implementations never throw for a failed exchange: they say what went wrong,
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
}
