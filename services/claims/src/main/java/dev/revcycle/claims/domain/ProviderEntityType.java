package dev.revcycle.claims.domain;

/** NM102: 1 = a person, 2 = an organization (a non-person entity). */
public enum ProviderEntityType {
    PERSON("1"),
    ORGANIZATION("2");

    private final String x12Qualifier;

    ProviderEntityType(String x12Qualifier) {
        this.x12Qualifier = x12Qualifier;
    }

    public String x12Qualifier() {
        return x12Qualifier;
    }
}
