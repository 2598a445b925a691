package dev.revcycle.eligibility.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A practice's provider as this service knows it from claims' events: enough to name the provider
 * asking in a 270 (loop 2100B, NM1*1P). {@code name} is kept as claims has it: for a PERSON "Last,
 * First" (claims' convention, which its 837 splits the same way), for an ORGANIZATION its name.
 */
public record KnownProvider(UUID id, String practiceId, String npi, String name, ProviderEntityType entityType,
                            boolean defaultBilling) {

    public KnownProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(practiceId, "practiceId");
        Objects.requireNonNull(entityType, "entityType");
        if (npi == null || !npi.matches("\\d{10}")) {
            throw new IllegalArgumentException("npi must be ten digits");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
    }

    public boolean isPerson() {
        return entityType == ProviderEntityType.PERSON;
    }

    /**
     * NM103: an organisation's whole name; a person's last name, the part before the first comma
     * ("Okafor, Ana" → "Okafor"), or the whole name when it has no comma (which part of "Ana Okafor"
     * is the family name cannot be told: "Mary Ann Van Dyke").
     */
    public String lastOrOrganizationName() {
        int comma = isPerson() ? name.indexOf(',') : -1;
        String last = comma < 0 ? name.strip() : name.substring(0, comma).strip();
        // ", Ana": no last name before the comma; the whole name then
        return last.isEmpty() ? name.strip() : last;
    }

    /** NM104: a person's first name, what follows the first comma ("Okafor, Ana" → "Ana"); null otherwise. */
    public String firstName() {
        int comma = isPerson() ? name.indexOf(',') : -1;
        if (comma < 0 || name.substring(0, comma).isBlank()) {
            return null;
        }
        String first = name.substring(comma + 1).strip();
        return first.isEmpty() ? null : first;
    }

    @Override
    public String toString() {
        return "KnownProvider[" + id + "]";
    }
}
