package dev.revcycle.patients.domain;

import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.PersonRules;
import dev.revcycle.common.domain.TypedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What front-desk staff enter for a patient, cleaned up and checked. {@code ssn} is the plain
 * number only while it travels from the request to the cipher; it is never stored or returned.
 */
public record Demographics(String firstName, String lastName, LocalDate dateOfBirth, Sex sex, String ssn,
                           PostalAddress address, String phone, String email, Guarantor guarantor) {
    private static final Pattern ZIP = Pattern.compile("\\d{5}(\\d{4})?");
    private static final Pattern PHONE = Pattern.compile("[2-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    public Demographics normalized() {
        return new Demographics(TypedText.clean(firstName), TypedText.clean(lastName), dateOfBirth, sex,
                TypedText.digits(ssn), address == null ? null : address.normalized(), TypedText.digits(phone),
                TypedText.clean(email), guarantor == null ? null : guarantor.normalized());
    }

    /** Every rule this breaks, one per field; empty when it may be stored. Messages never quote the value. */
    public List<FieldError> violations(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        PersonRules.name(errors, "firstName", firstName);
        PersonRules.name(errors, "lastName", lastName);
        PersonRules.dateOfBirth(errors, "dateOfBirth", dateOfBirth, today);
        if (sex == null) {
            errors.add(new FieldError("sex", "is required (F, M or U)"));
        }
        if (ssn != null && !Ssn.isValid(ssn)) {
            errors.add(new FieldError("ssn", "must be 9 digits with a valid area (not 000, 666 or 900-999), group and serial"));
        }
        address(errors, "address", address, true);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "must be a 10-digit US phone number"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (guarantor != null) {
            PersonRules.name(errors, "guarantor.firstName", guarantor.firstName());
            PersonRules.name(errors, "guarantor.lastName", guarantor.lastName());
            if (guarantor.relationship() == null) {
                errors.add(new FieldError("guarantor.relationship", "is required"));
            }
            address(errors, "guarantor.address", guarantor.address(), false);
            if (guarantor.phone() != null && !PHONE.matcher(guarantor.phone()).matches()) {
                errors.add(new FieldError("guarantor.phone", "must be a 10-digit US phone number"));
            }
        }
        return errors;
    }

    /** Names, date of birth, SSN and address are PHI: never printed (logs, exception messages). */
    @Override
    public String toString() {
        return "Demographics[PHI]";
    }

    private static void address(List<FieldError> errors, String field, PostalAddress address, boolean required) {
        if (address == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return;
        }
        if (address.line1() == null) {
            errors.add(new FieldError(field + ".line1", "is required"));
        } else if (address.line1().length() > 55) {
            errors.add(new FieldError(field + ".line1", "must be at most 55 characters"));
        }
        if (address.line2() != null && address.line2().length() > 55) {
            errors.add(new FieldError(field + ".line2", "must be at most 55 characters"));
        }
        if (address.city() == null) {
            errors.add(new FieldError(field + ".city", "is required"));
        } else if (address.city().length() > 30) {
            errors.add(new FieldError(field + ".city", "must be at most 30 characters"));
        }
        if (address.state() == null) {
            errors.add(new FieldError(field + ".state", "is required"));
        } else if (!UsStates.isValid(address.state())) {
            errors.add(new FieldError(field + ".state", "must be a US state code (e.g. NY)"));
        }
        if (address.postalCode() == null) {
            errors.add(new FieldError(field + ".postalCode", "is required"));
        } else if (!ZIP.matcher(address.postalCode()).matches()) {
            errors.add(new FieldError(field + ".postalCode", "must be a 5 or 9 digit ZIP code"));
        }
    }
}
