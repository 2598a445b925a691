package dev.revcycle.contracts.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/** A coverage as it stands: what claims needs to bill the payer and order primary/secondary/tertiary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoverageDetails(
        UUID coverageId,
        UUID patientId,
        String practiceId,
        CoveragePayer payer,
        String memberId,
        String groupNumber,
        String planName,
        /** PRIMARY, SECONDARY or TERTIARY */
        String priority,
        /** SELF, SPOUSE, CHILD or OTHER */
        String subscriberRelationship,
        Subscriber subscriber,
        LocalDate effectiveDate,
        LocalDate terminationDate) {
    /** PHI: an event payload is never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "CoverageDetails[" + coverageId + "]";
    }
}
