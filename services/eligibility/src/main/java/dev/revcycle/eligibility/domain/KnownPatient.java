package dev.revcycle.eligibility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient as this service knows it from the patients service's events: enough to accept a
 * coverage and to name the subscriber in a 270. Written only by the event consumer.
 */
@Entity
@Table(name = "known_patient")
public class KnownPatient {
    @Id
    private UUID id;
    @Column(name = "practice_id", nullable = false)
    private String practiceId;
    @Column(name = "first_name", nullable = false)
    private String firstName;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;
    @Column(nullable = false)
    private String sex;
    @Embedded
    private PatientAddress address;
    @Column(name = "merged_into")
    private UUID mergedInto;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KnownPatient() {
        // for JPA
    }

    public static KnownPatient of(UUID id, PatientFacts facts, Instant now) {
        KnownPatient p = new KnownPatient();
        p.id = id;
        p.update(facts, now);
        return p;
    }

    /** The demographics after a registration or an update: the event carries the whole state. */
    public void update(PatientFacts facts, Instant now) {
        practiceId = facts.practiceId();
        firstName = facts.firstName();
        lastName = facts.lastName();
        dateOfBirth = facts.dateOfBirth();
        sex = facts.sex();
        address = facts.address();
        updatedAt = now;
    }

    /** This record was a duplicate: coverages belong on {@code survivor} from now on. */
    public void mergeInto(UUID survivor, Instant now) {
        mergedInto = survivor;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String practiceId() {
        return practiceId;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    @Override
    public String toString() {
        return "KnownPatient[" + id + "]";
    }
}
