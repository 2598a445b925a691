package dev.revcycle.eligibility.domain;

/** What a provider is, as claims registers it: NM102 of the 270's NM1*1P is 1 for a person, 2 for an organisation. */
public enum ProviderEntityType {
    PERSON,
    ORGANIZATION
}
