package dev.revcycle.claims.domain;

import dev.revcycle.common.domain.FieldError;
import java.util.ArrayList;
import java.util.List;

/** What a practice keys for a provider; {@link #violations()} lists every field in error. */
public record ProviderTerms(String npi, String name, ProviderEntityType entityType, String taxonomyCode,
                            String taxId, PostalAddress address, boolean defaultBilling) {

    public ProviderTerms normalized() {
        return new ProviderTerms(trim(npi), trim(name), entityType, upper(trim(taxonomyCode)), digits(trim(taxId)),
                address == null ? null : new PostalAddress(trim(address.line1()), trim(address.line2()),
                        trim(address.city()), upper(trim(address.state())), digits(trim(address.postalCode()))),
                defaultBilling);
    }

    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (npi == null) {
            errors.add(new FieldError("npi", "is required"));
        } else if (!Npi.valid(npi)) {
            errors.add(new FieldError("npi", "must be 10 digits with a valid check digit (Luhn with the 80840 prefix)"));
        }
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        if (entityType == null) {
            errors.add(new FieldError("entityType", "is required: PERSON or ORGANIZATION"));
        }
        if (taxonomyCode == null) {
            errors.add(new FieldError("taxonomyCode", "is required"));
        } else if (!taxonomyCode.matches("[0-9A-Z]{9}X|[0-9A-Z]{10}") || taxonomyCode.length() != 10) {
            errors.add(new FieldError("taxonomyCode", "must be 10 characters (letters and digits), e.g. 207Q00000X"));
        }
        if (taxId != null && !taxId.matches("[0-9]{9}")) {
            errors.add(new FieldError("taxId", "must be 9 digits (EIN or SSN, dashes allowed)"));
        }
        if (address != null) {
            if (address.line1() == null || address.line1().isEmpty()) {
                errors.add(new FieldError("address.line1", "is required"));
            }
            if (address.city() == null || address.city().isEmpty()) {
                errors.add(new FieldError("address.city", "is required"));
            }
            if (address.state() == null || !address.state().matches("[A-Z]{2}")) {
                errors.add(new FieldError("address.state", "must be a 2-letter state code"));
            }
            if (address.postalCode() == null || !address.postalCode().matches("[0-9]{5}|[0-9]{9}")) {
                errors.add(new FieldError("address.postalCode", "must be a 5-digit ZIP or a ZIP+4"));
            }
        }
        return errors;
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    /** Tax ids and ZIPs are keyed with dashes; kept as digits (anything else stays, to be refused). */
    private static String digits(String s) {
        return s == null ? null : s.replace("-", "");
    }
}
