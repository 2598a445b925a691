package dev.revcycle.sandbox.claims;

import java.util.List;

/**
 * What the sandbox answers to one 837 interchange.
 *
 * @param submitter                the 837's ISA06, trimmed: whose mailbox the files go to
 * @param interchangeControlNumber the 837's ISA13
 * @param files                    the 999, then the 277CA when anything was accepted
 * @param accepted                 the claims accepted (A2), for the 835s later
 */
public record Acknowledgement(String submitter, String interchangeControlNumber, List<AnswerFile> files,
        List<ReceivedClaim> accepted) {

    public Acknowledgement {
        files = List.copyOf(files);
        accepted = List.copyOf(accepted);
    }
}
