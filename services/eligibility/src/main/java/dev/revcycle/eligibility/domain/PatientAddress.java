package dev.revcycle.eligibility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The patient's address as patients last published it. */
@Embeddable
public record PatientAddress(
        @Column(name = "address_line1") String line1,
        @Column(name = "address_line2") String line2,
        @Column(name = "address_city") String city,
        @Column(name = "address_state") String state,
        @Column(name = "address_postal_code") String postalCode) {

    @Override
    public String toString() {
        return "PatientAddress[PHI]";
    }
}
