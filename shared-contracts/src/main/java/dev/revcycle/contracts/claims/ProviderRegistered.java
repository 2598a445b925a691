package dev.revcycle.contracts.claims;

/** A provider was registered. Key: providerId; {@code version} is the provider's (1). */
public record ProviderRegistered(ProviderDetails provider, long version) {
}
