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
    /** The patients service's version of the patient this record reflects (not an optimistic lock). */
    @Column(name = "applied_version", nullable = false)
    private long appliedVersion;

    protected KnownPatient() {
        // for JPA
    }

    public static KnownPatient of(UUID id, PatientFacts facts, long version, Instant now) {
        KnownPatient p = new KnownPatient();
        p.id = id;
        p.update(facts, version, now);
        return p;
    }

    /** Whether an event of the patient at {@code version} is newer than what this record reflects. */
    public boolean isOlderThan(long version) {
        return appliedVersion < version;
    }

    /**
     * The demographics after a registration or an update: the event carries the whole state.
     *
     * @return false (and nothing changes) if the record already reflects that version or a later one
     */
    public boolean update(PatientFacts facts, long version, Instant now) {
        if (!isOlderThan(version)) {
            return false;
        }
        appliedVersion = version;
        practiceId = facts.practiceId();
        firstName = facts.firstName();
        lastName = facts.lastName();
        dateOfBirth = facts.dateOfBirth();
        sex = facts.sex();
        address = facts.address();
        updatedAt = now;
        return true;
    }

    /**
     * This record was a duplicate: coverages belong on {@code survivor} from now on.
     *
     * @return false if the record already reflects {@code version} or a later one
     */
    public boolean mergeInto(UUID survivor, long version, Instant now) {
        if (!isOlderThan(version)) {
            return false;
        }
        appliedVersion = version;
        mergedInto = survivor;
        updatedAt = now;
        return true;
    }

    /**
     * This record survived a merge; the merge is its {@code version} (nothing else of it changes).
     *
     * @return false if the record already reflects that version or a later one
     */
    public boolean survived(long version, Instant now) {
        if (!isOlderThan(version)) {
            return false;
        }
        appliedVersion = version;
        updatedAt = now;
        return true;
    }

    public long appliedVersion() {
        return appliedVersion;
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
