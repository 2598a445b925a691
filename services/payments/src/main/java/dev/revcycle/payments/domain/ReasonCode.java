package dev.revcycle.payments.domain;

/**
 * An adjustment's reason as an 835 gives it: CAS group (CO contractual, PR patient responsibility,
 * OA other, PI payer initiated, CR correction), CARC (45, 1, 2, 3, 96 …) and an optional RARC (LQ).
 */
public record ReasonCode(String group, String carc, String rarc) {
}
