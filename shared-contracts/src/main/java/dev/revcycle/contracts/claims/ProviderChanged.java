package dev.revcycle.contracts.claims;

/**
 * A provider changed (including becoming, or ceasing to be, the default billing provider: the
 * practice's previous default gets its own ProviderChanged). Key: providerId.
 */
public record ProviderChanged(ProviderDetails provider, long version) {
}
