package dev.revcycle.sandbox.claims;

import java.util.List;

/**
 * What the sandbox answers to one 837 interchange.
 *
 * @param submitter                the 837's ISA06, trimmed: whose mailbox the files go to
 * @param interchangeControlNumber the 837's ISA13
 * @param files                    the 999, then the 277CA when anything was accepted
 * @param accepted                 the claims accepted (A2), for the 835s later
 * @param returnAddress            how to address the submitter in later answers (835s)
 */
public record Acknowledgement(String submitter, String interchangeControlNumber, List<AnswerFile> files,
        List<ReceivedClaim> accepted, ReturnAddress returnAddress) {

    /**
     * The envelope values an answer to the submitter is written with.
     *
     * @param qualifier         the 837's ISA05 (ZZ when it is not two characters)
     * @param applicationSender the 837's GS02 (SUBMITTER when unusable), GS03 of an answer
     * @param production        the 837's ISA15 was P
     */
    public record ReturnAddress(String qualifier, String applicationSender, boolean production) {
    }

    public Acknowledgement {
        files = List.copyOf(files);
        accepted = List.copyOf(accepted);
    }
}
