package dev.revcycle.claims.domain;

import java.util.UUID;

/**
 * A practice's billing, rendering or referring provider. For a PERSON, {@code name} is "Last, First"
 * as registered ({@link #lastName()}/{@link #firstName()} split it); for an ORGANIZATION the
 * organisation's name. {@code taxId} is the 9-digit EIN or SSN (REF*EI); {@code taxonomyCode} the
 * 10-character provider taxonomy (PRV*BI/PE).
 */
public record Provider(UUID id, String practiceId, String npi, String name, ProviderEntityType entityType,
                       String taxonomyCode, String taxId, PostalAddress address, boolean defaultBilling, long version) {

    public String lastName() {
        int comma = name == null ? -1 : name.indexOf(',');
        return comma < 0 ? name : name.substring(0, comma).trim();
    }

    public String firstName() {
        int comma = name == null ? -1 : name.indexOf(',');
        return comma < 0 ? null : name.substring(comma + 1).trim();
    }

    @Override
    public String toString() {
        return "Provider[" + id + "]";
    }
}
