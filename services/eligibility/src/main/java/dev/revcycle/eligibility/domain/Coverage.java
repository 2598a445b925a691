package dev.revcycle.eligibility.domain;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.domain.ChangedFields;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One insurance coverage of one patient: who pays, the member, the priority among the patient's
 * coverages, and the dates it covers. Changes go through the methods below, which say what changed.
 */
@Entity
@Table(name = "coverage")
public class Coverage {
    @Id
    private UUID id;
    @Column(name = "practice_id", nullable = false, updatable = false)
    private String practiceId;
    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payer_id", nullable = false, updatable = false)
    private Payer payer;
    @Column(name = "member_id", nullable = false)
    private String memberId;
    @Column(name = "group_number")
    private String groupNumber;
    @Column(name = "plan_name")
    private String planName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;
    @Enumerated(EnumType.STRING)
    @Column(name = "subscriber_relationship", nullable = false)
    private SubscriberRelationship subscriberRelationship;
    @Embedded
    private Subscriber subscriber;
    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;
    @Column(name = "termination_date")
    private LocalDate terminationDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "medicare_secondary_type")
    private MedicareSecondaryType medicareSecondaryType;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CoverageStatus status;
    /** The ETag, and the version every event about this coverage carries: 1 when added. */
    @Version
    private long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** A terminated coverage is not checked any more. */
    public static final Reason TERMINATED = new Reason("coverage-terminated", "The coverage is terminated");
    /** A coverage is checked only for a service date within its dates. */
    public static final Reason SERVICE_DATE_OUTSIDE = new Reason("service-date-outside-coverage",
            "The service date is outside the coverage's dates");

    protected Coverage() {
        // for JPA
    }

    /**
     * @param terms normalised and checked; its payerId is {@code payer}'s
     */
    public static Coverage add(UUID id, String practiceId, UUID patientId, Payer payer, CoverageTerms terms,
                               Instant now) {
        Coverage c = new Coverage();
        c.id = id;
        c.practiceId = practiceId;
        c.patientId = patientId;
        c.payer = payer;
        c.memberId = terms.memberId();
        c.groupNumber = terms.groupNumber();
        c.planName = terms.planName();
        c.priority = terms.priority();
        c.subscriberRelationship = terms.subscriberRelationship();
        c.subscriber = terms.subscriber();
        c.effectiveDate = terms.effectiveDate();
        c.terminationDate = terms.terminationDate();
        c.medicareSecondaryType = medicareSecondaryType(payer, terms.medicareSecondaryType());
        c.status = CoverageStatus.ACTIVE;
        c.version = 1;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** The terms as they stand. */
    public CoverageTerms terms() {
        return new CoverageTerms(payer.id(), memberId, groupNumber, planName, priority, subscriberRelationship,
                subscriber, effectiveDate, terminationDate, medicareSecondaryType);
    }

    /**
     * Replaces the terms (not the payer: another payer is another coverage).
     *
     * @return the names of the fields that changed, empty if nothing did
     */
    public List<String> change(CoverageTerms t, Instant now) {
        requireActive();
        if (!payer.id().equals(t.payerId())) {
            throw Violations.of("payerId", "cannot be changed; add a coverage for the other payer");
        }
        ChangedFields changes = new ChangedFields();
        memberId = changes.compare("memberId", memberId, t.memberId());
        groupNumber = changes.compare("groupNumber", groupNumber, t.groupNumber());
        planName = changes.compare("planName", planName, t.planName());
        priority = changes.compare("priority", priority, t.priority());
        subscriberRelationship = changes.compare("subscriberRelationship", subscriberRelationship, t.subscriberRelationship());
        subscriber = changes.compare("subscriber", subscriber, t.subscriber());
        effectiveDate = changes.compare("effectiveDate", effectiveDate, t.effectiveDate());
        terminationDate = changes.compare("terminationDate", terminationDate, t.terminationDate());
        medicareSecondaryType = changes.compare("medicareSecondaryType", medicareSecondaryType,
                medicareSecondaryType(payer, t.medicareSecondaryType()));
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes.names();
    }

    /**
     * Ends the coverage on {@code lastCoveredDay}.
     *
     * @return false if it was already terminated on that day (nothing changed)
     */
    public boolean terminate(LocalDate lastCoveredDay, Instant now) {
        if (status == CoverageStatus.TERMINATED) {
            if (lastCoveredDay.equals(terminationDate)) {
                return false;
            }
            throw new Conflict("The coverage is already terminated on another date");
        }
        if (lastCoveredDay.isBefore(effectiveDate)) {
            throw Violations.of("terminationDate", "must not be before the coverage's effective date");
        }
        terminationDate = lastCoveredDay;
        status = CoverageStatus.TERMINATED;
        updatedAt = now;
        return true;
    }

    /**
     * Whether a 270 may be sent for this coverage and service date.
     *
     * @throws Unprocessable why not ({@link #TERMINATED}, {@link #SERVICE_DATE_OUTSIDE})
     */
    public void requireCheckableOn(LocalDate serviceDate) {
        if (status == CoverageStatus.TERMINATED) {
            throw new Unprocessable(TERMINATED,
                    "The coverage was terminated; check the patient's current coverage instead");
        }
        if (serviceDate.isBefore(effectiveDate)) {
            throw new Unprocessable(SERVICE_DATE_OUTSIDE,
                    "The service date is before the coverage's effective date");
        }
        if (terminationDate != null && serviceDate.isAfter(terminationDate)) {
            throw new Unprocessable(SERVICE_DATE_OUTSIDE,
                    "The service date is after the coverage's termination date");
        }
    }

    /** Active and covering {@code date}. */
    public boolean covers(LocalDate date) {
        return isActive() && !date.isBefore(effectiveDate) && (terminationDate == null || !date.isAfter(terminationDate));
    }

    /** The MSP type says why Medicare pays second: on any other payer's coverage it means nothing. */
    private static MedicareSecondaryType medicareSecondaryType(Payer payer, MedicareSecondaryType type) {
        if (type != null && payer.payerType() != PayerType.MEDICARE) {
            throw Violations.of("medicareSecondaryType", "is only for a Medicare coverage");
        }
        return type;
    }

    private void requireActive() {
        if (status == CoverageStatus.TERMINATED) {
            throw new Conflict("The coverage is terminated and can no longer change");
        }
    }

    public boolean isActive() {
        return status == CoverageStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public String practiceId() {
        return practiceId;
    }

    public UUID patientId() {
        return patientId;
    }

    public Payer payer() {
        return payer;
    }

    public String memberId() {
        return memberId;
    }

    public Priority priority() {
        return priority;
    }

    public SubscriberRelationship subscriberRelationship() {
        return subscriberRelationship;
    }

    public Subscriber subscriber() {
        return subscriber;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public LocalDate terminationDate() {
        return terminationDate;
    }

    public CoverageStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Coverage[" + id + "]";
    }
}
