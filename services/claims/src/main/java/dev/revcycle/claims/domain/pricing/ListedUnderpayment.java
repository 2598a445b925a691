package dev.revcycle.claims.domain.pricing;

/** An underpayment as listed, with its claim's patient control number (how a billing rep finds the claim). */
public record ListedUnderpayment(Underpayment underpayment, String patientControlNumber) {
}
