package dev.revcycle.claims.x12;

import java.math.BigDecimal;
import java.util.List;

/** A 277CA claim acknowledgement: per claim (loop 2200D) its status lines. */
public record Ack277CA(String senderId, String interchangeControlNumber, List<ClaimStatus> claims, List<String> warnings)
        implements Acknowledgement {

    public Ack277CA {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param patientControlNumber TRN02 of loop 2200D (our CLM01)
     * @param payerClaimNumber     REF*1K, or null
     * @param statuses             the claim-level STC segments, in order
     */
    public record ClaimStatus(String patientControlNumber, String payerClaimNumber, BigDecimal totalCharge,
                              List<Status> statuses) {
        public ClaimStatus {
            statuses = List.copyOf(statuses);
        }

        /** The status that decides: the first rejecting one (A3–A8), else an A2, else the first. */
        public Status decisive() {
            return statuses.stream().filter(Status::rejected).findFirst()
                    .or(() -> statuses.stream().filter(Status::accepted).findFirst())
                    .orElse(statuses.isEmpty() ? null : statuses.get(0));
        }

        @Override
        public String toString() {
            return "ClaimStatus[" + statuses.size() + " status(es)]";
        }
    }

    /**
     * One STC01 (and STC10/STC11 when given, read as further statuses by the reader): category (A1 …),
     * status code, entity code, with a readable reason from {@link ClaimStatusCodes}.
     */
    public record Status(String category, String statusCode, String entityCode, String reason) {
        /** A1 received, A0 forwarded: history only. */
        public boolean received() {
            return "A0".equals(category) || "A1".equals(category);
        }

        public boolean accepted() {
            return "A2".equals(category);
        }

        /** A3 returned unprocessable, A4 not found, A5 split, A6 missing, A7 invalid, A8 relational error. */
        public boolean rejected() {
            return category.matches("A[3-8]");
        }
    }
}
