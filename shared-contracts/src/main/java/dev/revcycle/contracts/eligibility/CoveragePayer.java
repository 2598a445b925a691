package dev.revcycle.contracts.eligibility;

import java.util.UUID;

/** The payer of a coverage, as claims needs it for an 837 (NM1*PR). */
public record CoveragePayer(UUID payerId, String name, String payerType, String x12PayerId, Integer timelyFilingDays) {
}
