package dev.revcycle.contracts.eligibility;

/** An AAA rejection from the payer: the X12 reject reason code and its standard description. */
public record Rejection(String code, String description) {
}
