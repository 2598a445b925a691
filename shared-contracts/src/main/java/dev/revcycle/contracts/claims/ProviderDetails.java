package dev.revcycle.contracts.claims;

import java.util.UUID;

/**
 * A practice's provider as other services need it (eligibility puts the NPI and name in its 270s).
 * {@code entityType} is PERSON or ORGANIZATION; {@code defaultBilling} marks the practice's one
 * default billing provider. The tax id is not carried.
 */
public record ProviderDetails(UUID providerId, String practiceId, String npi, String name, String entityType,
                              String taxonomyCode, boolean defaultBilling) {
}
