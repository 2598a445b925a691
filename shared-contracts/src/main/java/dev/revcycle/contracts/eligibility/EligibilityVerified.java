package dev.revcycle.contracts.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a 270/271 check: whether the coverage was active on the service date, and the
 * patient-cost benefits. status is ACTIVE, INACTIVE or ERROR. Key: patientId. A check never changes once
 * recorded: its {@code version} is always 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EligibilityVerified(UUID checkId, UUID coverageId, UUID patientId, String practiceId,
                                  LocalDate serviceDate, String status, LocalDate planBegin, LocalDate planEnd,
                                  Benefits benefits, List<Rejection> rejections, long version) {
}
