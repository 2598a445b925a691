package dev.revcycle.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.domain.FieldError;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemographicsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Demographics valid() {
        return new Demographics(" Ana ", "Lopez", LocalDate.of(1984, 3, 9), Sex.F, "123-45-6789",
                new PostalAddress("12  Main St", null, "Springfield", "il", "62704-1234"), "(217) 555-0199",
                "ana@example.com", null);
    }

    @Test
    void normalisesWhatStaffType() {
        Demographics d = valid().normalized();
        assertThat(d.firstName()).isEqualTo("Ana");
        assertThat(d.address().line1()).isEqualTo("12 Main St");
        assertThat(d.address().state()).isEqualTo("IL");
        assertThat(d.address().postalCode()).isEqualTo("627041234");
        assertThat(d.ssn()).isEqualTo("123456789");
        assertThat(d.phone()).isEqualTo("2175550199");
        assertThat(d.violations(TODAY)).isEmpty();
    }

    @Test
    void bornTodayIsFineTomorrowIsNot() {
        Demographics today = new Demographics("Ana", "Lopez", TODAY, Sex.U, null,
                new PostalAddress("1 A St", null, "Town", "NY", "10001"), null, null, null);
        assertThat(today.violations(TODAY)).isEmpty();
        Demographics tomorrow = new Demographics("Ana", "Lopez", TODAY.plusDays(1), Sex.U, null,
                new PostalAddress("1 A St", null, "Town", "NY", "10001"), null, null, null);
        assertThat(tomorrow.violations(TODAY)).containsExactly(new FieldError("dateOfBirth", "must not be in the future"));
    }

    @Test
    void aGuarantorIsCheckedLikeThePatient() {
        Demographics d = new Demographics("Leo", "Lopez", LocalDate.of(2015, 1, 1), Sex.M, null,
                new PostalAddress("1 A St", null, "Town", "NY", "10001"), null, null,
                new Guarantor("Ana", null, GuarantorRelationship.PARENT, new PostalAddress("1 A St", null, "Town", "ZZ", "10001"), "123"))
                .normalized();
        assertThat(d.violations(TODAY)).extracting(FieldError::field)
                .containsExactly("guarantor.lastName", "guarantor.address.state", "guarantor.phone");
    }

    @Test
    void messagesNeverQuoteTheValue() {
        Demographics d = new Demographics("Ana", "Lopez", LocalDate.of(1984, 3, 9), Sex.F, "987-65-4321",
                new PostalAddress("1 A St", null, "Town", "QQ", "ABCDE"), "5550199", "nope", null).normalized();
        assertThat(d.violations(TODAY)).extracting(FieldError::message)
                .noneMatch(m -> m.contains("987") || m.contains("QQ") || m.contains("ABCDE") || m.contains("nope"));
        assertThat(d.violations(TODAY)).hasSize(5);
    }
}
