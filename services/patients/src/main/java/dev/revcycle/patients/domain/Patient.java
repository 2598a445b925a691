package dev.revcycle.patients.domain;

import dev.revcycle.common.domain.ChangedFields;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registered patient of one practice. Changes go through the methods below, which say what
 * changed so that the caller can publish it.
 */
@Entity
@Table(name = "patient")
public class Patient {
    @Id
    private UUID id;
    @Column(name = "practice_id", nullable = false, updatable = false)
    private String practiceId;
    @Column(nullable = false, updatable = false)
    private String mrn;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    @Column(name = "ssn_encrypted")
    private byte[] ssnEncrypted;
    @Column(name = "ssn_last4")
    private String ssnLast4;
    @Embedded
    @AttributeOverride(name = "line1", column = @Column(name = "address_line1"))
    @AttributeOverride(name = "line2", column = @Column(name = "address_line2"))
    @AttributeOverride(name = "city", column = @Column(name = "address_city"))
    @AttributeOverride(name = "state", column = @Column(name = "address_state"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "address_postal_code"))
    private PostalAddress address;
    @Column(name = "address_undeliverable_on")
    private LocalDate addressUndeliverableOn;
    private String phone;
    private String email;
    @Embedded
    @AttributeOverride(name = "firstName", column = @Column(name = "guarantor_first_name"))
    @AttributeOverride(name = "lastName", column = @Column(name = "guarantor_last_name"))
    @AttributeOverride(name = "relationship", column = @Column(name = "guarantor_relationship"))
    @AttributeOverride(name = "address.line1", column = @Column(name = "guarantor_line1"))
    @AttributeOverride(name = "address.line2", column = @Column(name = "guarantor_line2"))
    @AttributeOverride(name = "address.city", column = @Column(name = "guarantor_city"))
    @AttributeOverride(name = "address.state", column = @Column(name = "guarantor_state"))
    @AttributeOverride(name = "address.postalCode", column = @Column(name = "guarantor_postal_code"))
    @AttributeOverride(name = "phone", column = @Column(name = "guarantor_phone"))
    private Guarantor guarantor;
    @Column(name = "date_of_death")
    private LocalDate dateOfDeath;
    @Enumerated(EnumType.STRING)
    private PatientStatus status;
    @Column(name = "merged_into")
    private UUID mergedInto;
    /** The ETag, and the version every event about this patient carries: 1 at registration. */
    @Version
    private long version;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Patient() {
        // for JPA
    }

    /**
     * @param encryptedSsn the SSN sealed by the field cipher, or null
     */
    public static Patient register(UUID id, String practiceId, String mrn, Demographics d, byte[] encryptedSsn,
                                   Instant now) {
        Patient p = new Patient();
        p.id = id;
        p.practiceId = practiceId;
        p.mrn = mrn;
        p.status = PatientStatus.ACTIVE;
        p.version = 1;
        p.createdAt = now;
        p.updatedAt = now;
        p.firstName = d.firstName();
        p.lastName = d.lastName();
        p.dateOfBirth = d.dateOfBirth();
        p.sex = d.sex();
        p.address = d.address();
        p.phone = d.phone();
        p.email = d.email();
        p.guarantor = d.guarantor();
        if (d.ssn() != null) {
            p.ssnEncrypted = encryptedSsn;
            p.ssnLast4 = Ssn.lastFour(d.ssn());
        }
        return p;
    }

    /** The demographics as they stand, without the SSN (it is only held encrypted). */
    public Demographics demographics() {
        return new Demographics(firstName, lastName, dateOfBirth, sex, null, address, phone, email, guarantor);
    }

    /**
     * Replaces the demographics; {@code ssnChanged} says whether the request set or cleared the SSN.
     *
     * @return the names of the fields that changed, empty if nothing did
     */
    public List<String> change(Demographics d, boolean ssnChanged, byte[] encryptedSsn, Instant now) {
        requireActive();
        ChangedFields changes = new ChangedFields();
        firstName = changes.compare("firstName", firstName, d.firstName());
        lastName = changes.compare("lastName", lastName, d.lastName());
        dateOfBirth = changes.compare("dateOfBirth", dateOfBirth, d.dateOfBirth());
        sex = changes.compare("sex", sex, d.sex());
        if (ssnChanged) {
            // the current number is only held encrypted: a set or cleared SSN counts as a change
            changes.add("ssn");
            ssnEncrypted = d.ssn() == null ? null : encryptedSsn;
            ssnLast4 = d.ssn() == null ? null : Ssn.lastFour(d.ssn());
        }
        address = changes.compare("address", address, d.address());
        if (changes.contains("address")) {
            addressUndeliverableOn = null;
        }
        phone = changes.compare("phone", phone, d.phone());
        email = changes.compare("email", email, d.email());
        guarantor = changes.compare("guarantor", guarantor, d.guarantor());
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes.names();
    }

    /** Mail came back. @return false if the address was already known to be undeliverable. */
    public boolean markAddressUndeliverable(LocalDate reportedOn, Instant now) {
        requireActive();
        if (addressUndeliverableOn != null) {
            return false;
        }
        addressUndeliverableOn = reportedOn;
        updatedAt = now;
        return true;
    }

    /** @return false if the same date of death was already recorded */
    public boolean recordDeath(LocalDate date, LocalDate today, Instant now) {
        requireActive();
        Violations.required("dateOfDeath", date);
        if (date.isAfter(today)) {
            throw Violations.of("dateOfDeath", "must not be in the future");
        }
        if (date.isBefore(dateOfBirth)) {
            throw Violations.of("dateOfDeath", "must not be before the date of birth");
        }
        if (dateOfDeath != null) {
            if (dateOfDeath.equals(date)) {
                return false;
            }
            throw new Conflict("A different date of death is already recorded");
        }
        dateOfDeath = date;
        updatedAt = now;
        return true;
    }

    /** Retires this record as a duplicate of {@code survivor}. */
    public void mergeInto(Patient survivor, Instant now) {
        if (survivor.id.equals(id)) {
            throw Violations.of("duplicateId", "must not be the surviving patient itself");
        }
        if (!survivor.practiceId.equals(practiceId)) {
            // answered as not found: the caller must not learn about another practice's patient
            throw new NotFound("Patient");
        }
        survivor.requireActive();
        if (status == PatientStatus.MERGED) {
            throw new Conflict("The duplicate was already merged");
        }
        status = PatientStatus.MERGED;
        mergedInto = survivor.id;
        updatedAt = now;
        survivor.updatedAt = now;
    }

    private void requireActive() {
        if (status == PatientStatus.MERGED) {
            throw new Conflict("The patient was merged into another record; change the surviving record");
        }
    }

    public boolean isAddressUndeliverable() {
        return addressUndeliverableOn != null;
    }

    public UUID id() {
        return id;
    }

    public String practiceId() {
        return practiceId;
    }

    public String mrn() {
        return mrn;
    }

    public String ssnLast4() {
        return ssnLast4;
    }

    public LocalDate addressUndeliverableOn() {
        return addressUndeliverableOn;
    }

    public LocalDate dateOfDeath() {
        return dateOfDeath;
    }

    public PatientStatus status() {
        return status;
    }

    public UUID mergedInto() {
        return mergedInto;
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
        return "Patient[" + id + "]";
    }
}
