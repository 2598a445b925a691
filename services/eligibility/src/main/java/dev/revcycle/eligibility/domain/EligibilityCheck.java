package dev.revcycle.eligibility.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One completed eligibility check: the 270 sent for a coverage and service date, the 271 received
 * (if any), and what it said. Never changes once recorded.
 */
@Entity
@Table(name = "eligibility_check")
public class EligibilityCheck {
    @Id
    private UUID id;
    @Column(name = "coverage_id", nullable = false, updatable = false)
    private UUID coverageId;
    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;
    @Column(name = "practice_id", nullable = false, updatable = false)
    private String practiceId;
    @Column(name = "service_date", nullable = false, updatable = false)
    private LocalDate serviceDate;
    @Column(name = "service_type_codes", nullable = false, updatable = false)
    private String serviceTypeCodes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CheckStatus status;
    @Column(name = "plan_begin", updatable = false)
    private LocalDate planBegin;
    @Column(name = "plan_end", updatable = false)
    private LocalDate planEnd;
    @Embedded
    private Benefits benefits;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "eligibility_check_rejection", joinColumns = @JoinColumn(name = "check_id"))
    @OrderColumn(name = "position")
    private List<Rejection> rejections = new ArrayList<>();
    @Column(name = "error_reason", updatable = false)
    private String errorReason;
    @Column(name = "control_number", nullable = false, updatable = false)
    private long controlNumber;
    @Column(name = "x12_request", nullable = false, updatable = false)
    private String x12Request;
    @Column(name = "x12_response", updatable = false)
    private String x12Response;
    @Column(name = "checked_at", nullable = false, updatable = false)
    private Instant checkedAt;

    protected EligibilityCheck() {
        // for JPA
    }

    public static EligibilityCheck record(UUID id, Coverage coverage, LocalDate serviceDate,
                                          List<String> serviceTypeCodes, long controlNumber, String x270,
                                          CheckOutcome outcome, Instant now) {
        EligibilityCheck c = new EligibilityCheck();
        c.id = id;
        c.coverageId = coverage.id();
        c.patientId = coverage.patientId();
        c.practiceId = coverage.practiceId();
        c.serviceDate = serviceDate;
        c.serviceTypeCodes = String.join(",", serviceTypeCodes);
        c.status = outcome.status();
        c.planBegin = outcome.planBegin();
        c.planEnd = outcome.planEnd();
        c.benefits = outcome.benefits();
        c.rejections = new ArrayList<>(outcome.rejections());
        c.errorReason = outcome.errorReason();
        c.controlNumber = controlNumber;
        c.x12Request = x270;
        c.x12Response = outcome.x271();
        c.checkedAt = now;
        return c;
    }

    /**
     * Whether this answer may stand in for a new check of the same coverage and service date: it is
     * the payer's answer (ACTIVE or INACTIVE; an ERROR is worth retrying), younger than
     * {@code window}, and the coverage has not changed since it was asked.
     */
    public boolean answersAgain(Coverage coverage, Instant now, Duration window) {
        return status != CheckStatus.ERROR
                && checkedAt.isAfter(now.minus(window))
                && !checkedAt.isBefore(coverage.updatedAt());
    }

    public UUID id() {
        return id;
    }

    public UUID coverageId() {
        return coverageId;
    }

    public UUID patientId() {
        return patientId;
    }

    public String practiceId() {
        return practiceId;
    }

    public LocalDate serviceDate() {
        return serviceDate;
    }

    public List<String> serviceTypeCodes() {
        return List.copyOf(Arrays.asList(serviceTypeCodes.split(",")));
    }

    public CheckStatus status() {
        return status;
    }

    public LocalDate planBegin() {
        return planBegin;
    }

    public LocalDate planEnd() {
        return planEnd;
    }

    public Benefits benefits() {
        return benefits;
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    public String errorReason() {
        return errorReason;
    }

    public String x12Request() {
        return x12Request;
    }

    public String x12Response() {
        return x12Response;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    @Override
    public String toString() {
        return "EligibilityCheck[" + id + ", " + status + "]";
    }
}
