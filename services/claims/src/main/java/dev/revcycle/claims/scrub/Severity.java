package dev.revcycle.claims.scrub;

/** An ERROR keeps the claim from READY; a WARNING is shown to the billing representative and lets it pass. */
public enum Severity {
    ERROR,
    WARNING
}
