package dev.revcycle.claims.x12;

import java.util.List;

/**
 * A 999 implementation acknowledgement: per functional group acknowledged (AK1: the 837 group's GS06),
 * per transaction set (AK2: its ST02) accepted or rejected, with the IK5 and AK9 codes and the IK3/IK4
 * errors. A transaction named in no AK2 takes the group's AK9 verdict.
 */
public record Ack999(String senderId, String interchangeControlNumber, List<Group> groups, List<String> warnings)
        implements Acknowledgement {

    public Ack999 {
        groups = List.copyOf(groups);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param groupControlNumber AK102, the acknowledged group's GS06 (leading zeros removed)
     * @param version            AK103, e.g. 005010X222A1
     * @param code               AK901: A accepted, E accepted with errors, P partially accepted, R rejected
     * @param errorCodes         AK905–AK909
     */
    public record Group(String functionalIdCode, String groupControlNumber, String version, String code,
                        List<String> errorCodes, List<Transaction> transactions) {
        public Group {
            errorCodes = List.copyOf(errorCodes);
            transactions = List.copyOf(transactions);
        }

        public boolean accepted() {
            return "A".equals(code) || "E".equals(code);
        }
    }

    /**
     * @param controlNumber AK202, the acknowledged ST02 (leading zeros removed)
     * @param code          IK501: A accepted, E accepted with errors, M, R, W, X rejected
     * @param errorCodes    IK502–IK506
     */
    public record Transaction(String type, String controlNumber, String code, List<String> errorCodes,
                              List<SegmentError> errors) {
        public Transaction {
            errorCodes = List.copyOf(errorCodes);
            errors = List.copyOf(errors);
        }

        public boolean accepted() {
            return "A".equals(code) || "E".equals(code);
        }

        /** A sentence for a billing representative: the verdict, the codes and where the errors are. */
        public String reason() {
            StringBuilder out = new StringBuilder(accepted() ? "837 accepted by the clearinghouse"
                    : "837 rejected by the clearinghouse (999 IK5 " + code);
            if (!accepted()) {
                errorCodes.forEach(c -> out.append(' ').append(c).append(": ").append(Ack999Reader.ik5Reason(c)));
                out.append(')');
            }
            for (SegmentError error : errors) {
                out.append("; ").append(error.describe());
            }
            return out.toString();
        }
    }

    /**
     * IK3 (and its IK4): segment {@code segmentId} at {@code position} in the transaction, in loop
     * {@code loopId}, error {@code code}; element {@code elementPosition} with {@code elementCode} when IK4 was given.
     */
    public record SegmentError(String segmentId, String position, String loopId, String code, String elementPosition,
                               String elementCode) {
        public String describe() {
            StringBuilder out = new StringBuilder("segment ").append(segmentId);
            if (!position.isEmpty()) {
                out.append(" at position ").append(position);
            }
            if (!loopId.isEmpty()) {
                out.append(" in loop ").append(loopId);
            }
            if (!code.isEmpty()) {
                out.append(": ").append(Ack999Reader.ik3Reason(code));
            }
            if (!elementPosition.isEmpty()) {
                out.append(", element ").append(elementPosition);
                if (!elementCode.isEmpty()) {
                    out.append(": ").append(Ack999Reader.ik4Reason(elementCode));
                }
            }
            return out.toString();
        }
    }

    /** The verdict on one of our transactions: by GS06 and ST02 (numbers compared without leading zeros). */
    public java.util.Optional<Transaction> verdict(long groupControlNumber, String transactionControlNumber) {
        String gs06 = String.valueOf(groupControlNumber);
        String st02 = Ack999Reader.unpadded(transactionControlNumber);
        for (Group group : groups) {
            if (!group.groupControlNumber().equals(gs06)) {
                continue;
            }
            for (Transaction transaction : group.transactions()) {
                if (transaction.controlNumber().equals(st02)) {
                    return java.util.Optional.of(transaction);
                }
            }
            // no AK2 for it: the group's verdict
            return java.util.Optional.of(new Transaction("837", st02, group.accepted() ? "A" : "R",
                    group.errorCodes(), List.of()));
        }
        return java.util.Optional.empty();
    }
}
