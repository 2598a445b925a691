package dev.revcycle.claims.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an acknowledgement means for our claims, before anything is changed: per claim RECEIVED (history
 * only: a 999 acceptance, a 277CA A0/A1), ACCEPTED (277CA A2) or REJECTED (a 999 rejecting the claim's
 * transaction set, a 277CA A3–A8), with the codes and a readable reason. What names nothing we sent is
 * listed in {@link Result#unmatched()} (by control number or patient control number, never PHI).
 */
public final class AcknowledgementDecisions {

    public enum Kind { RECEIVED, ACCEPTED, REJECTED }

    /** One 837 transaction we sent: its GS06/ST02 and its claims. */
    public record SentTransaction(long groupControlNumber, String transactionControlNumber, List<UUID> claimIds) {
        public SentTransaction {
            claimIds = List.copyOf(claimIds);
        }
    }

    /**
     * @param codes e.g. {@code 999 IK5 R 5} or {@code A7:562:85}
     */
    public record Decision(UUID claimId, Kind kind, String source, String codes, String reason,
                           String payerClaimNumber) {
    }

    public record Result(List<Decision> decisions, List<String> unmatched) {
        public Result {
            decisions = List.copyOf(decisions);
            unmatched = List.copyOf(unmatched);
        }
    }

    private AcknowledgementDecisions() {
    }

    /**
     * @param transactionsOfGroup our transactions by the GS06 the 999's AK102 names
     * @param claimByControlNumber our submitted claim by its patient control number (the 277CA's TRN*2)
     */
    public static Result decide(Acknowledgement ack, Function<Long, List<SentTransaction>> transactionsOfGroup,
                                Function<String, Optional<UUID>> claimByControlNumber) {
        List<Decision> decisions = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        if (ack instanceof Ack999 ack999) {
            for (Ack999.Group group : ack999.groups()) {
                long gs06;
                try {
                    gs06 = Long.parseLong(group.groupControlNumber());
                } catch (NumberFormatException e) {
                    unmatched.add("group " + group.groupControlNumber());
                    continue;
                }
                List<SentTransaction> sent = transactionsOfGroup.apply(gs06);
                if (sent.isEmpty()) {
                    unmatched.add("group " + group.groupControlNumber());
                    continue;
                }
                for (SentTransaction transaction : sent) {
                    Optional<Ack999.Transaction> verdict = ack999.verdict(gs06, transaction.transactionControlNumber());
                    if (verdict.isEmpty()) {
                        continue;
                    }
                    Ack999.Transaction t = verdict.get();
                    String codes = "999 IK5 " + t.code() + (t.errorCodes().isEmpty() ? "" : " " + String.join(" ", t.errorCodes()));
                    for (UUID claimId : transaction.claimIds()) {
                        decisions.add(new Decision(claimId, t.accepted() ? Kind.RECEIVED : Kind.REJECTED, "999",
                                codes, t.reason(), null));
                    }
                }
            }
        } else if (ack instanceof Ack277CA ack277) {
            for (Ack277CA.ClaimStatus claim : ack277.claims()) {
                Optional<UUID> claimId = claimByControlNumber.apply(claim.patientControlNumber());
                if (claimId.isEmpty()) {
                    unmatched.add("claim " + claim.patientControlNumber());
                    continue;
                }
                Ack277CA.Status status = claim.decisive();
                Kind kind = status.rejected() ? Kind.REJECTED : status.accepted() ? Kind.ACCEPTED : Kind.RECEIVED;
                String codes = status.category() + (status.statusCode().isEmpty() ? "" : ":" + status.statusCode())
                        + (status.entityCode().isEmpty() ? "" : ":" + status.entityCode());
                decisions.add(new Decision(claimId.get(), kind, "277CA", codes, status.reason(), claim.payerClaimNumber()));
            }
        }
        return new Result(decisions, unmatched);
    }
}
