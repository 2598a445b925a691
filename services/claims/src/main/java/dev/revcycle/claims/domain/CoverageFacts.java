package dev.revcycle.claims.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A coverage as learnt from eligibility's events, with its payer. {@code priority} PRIMARY, SECONDARY
 * or TERTIARY (SBR01 P/S/T); {@code subscriberRelationship} SELF, SPOUSE, CHILD or OTHER (SBR02 18,
 * 01, 19, G8): when not SELF the subscriber's name and date of birth are those of
 * {@code subscriberFirstName} …, and the patient goes in loop 2000C. {@code payerType} MEDICARE,
 * MEDICAID, COMMERCIAL … (SBR09 MB, MC, CI …). {@code timelyFilingDays} may be absent. {@code medicareSecondaryType},
 * on a Medicare coverage billed after another payer, says why Medicare pays second (eligibility's
 * {@code MedicareSecondaryType} names: WORKING_AGED, END_STAGE_RENAL_DISEASE …; the 837P's SBR05). PHI.
 */
public record CoverageFacts(UUID coverageId, UUID patientId, String practiceId, UUID payerId, String payerName,
                            String payerType, String x12PayerId, Integer timelyFilingDays, String memberId,
                            String groupNumber, String planName, String priority, String subscriberRelationship,
                            String subscriberFirstName, String subscriberLastName, LocalDate subscriberDateOfBirth,
                            LocalDate effectiveDate, LocalDate terminationDate, boolean terminated, long version,
                            String medicareSecondaryType) {

    /** A coverage without a Medicare secondary payer type. */
    public CoverageFacts(UUID coverageId, UUID patientId, String practiceId, UUID payerId, String payerName,
                         String payerType, String x12PayerId, Integer timelyFilingDays, String memberId,
                         String groupNumber, String planName, String priority, String subscriberRelationship,
                         String subscriberFirstName, String subscriberLastName, LocalDate subscriberDateOfBirth,
                         LocalDate effectiveDate, LocalDate terminationDate, boolean terminated, long version) {
        this(coverageId, patientId, practiceId, payerId, payerName, payerType, x12PayerId, timelyFilingDays, memberId,
                groupNumber, planName, priority, subscriberRelationship, subscriberFirstName, subscriberLastName,
                subscriberDateOfBirth, effectiveDate, terminationDate, terminated, version, null);
    }

    public boolean subscriberIsPatient() {
        return "SELF".equals(subscriberRelationship);
    }

    public boolean activeOn(LocalDate date) {
        return date != null && !date.isBefore(effectiveDate) && (terminationDate == null || !date.isAfter(terminationDate));
    }

    @Override
    public String toString() {
        return "CoverageFacts[" + coverageId + "]";
    }
}
