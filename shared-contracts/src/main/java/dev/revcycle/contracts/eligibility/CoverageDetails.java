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
        LocalDate terminationDate,
        /** Why Medicare pays second, on a Medicare coverage that is not primary: WORKING_AGED, END_STAGE_RENAL_DISEASE,
         *  NO_FAULT, WORKERS_COMPENSATION, FEDERAL_AGENCY, BLACK_LUNG, VETERANS_AFFAIRS, DISABLED_LARGE_GROUP or
         *  OTHER_LIABILITY; absent when not known */
        String medicareSecondaryType) {
    /** A coverage without a Medicare secondary payer type. */
    public CoverageDetails(UUID coverageId, UUID patientId, String practiceId, CoveragePayer payer, String memberId,
                           String groupNumber, String planName, String priority, String subscriberRelationship,
                           Subscriber subscriber, LocalDate effectiveDate, LocalDate terminationDate) {
        this(coverageId, patientId, practiceId, payer, memberId, groupNumber, planName, priority, subscriberRelationship,
                subscriber, effectiveDate, terminationDate, null);
    }

    /** PHI: an event payload is never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "CoverageDetails[" + coverageId + "]";
    }
}
