package dev.revcycle.claims.domain.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the payer's 835 said about the claim of an estimate's visit: its latest adjudication and lines. */
public record AdjudicatedVisit(UUID claimId, UUID adjudicationId, String outcome, Instant adjudicatedAt,
                               BigDecimal patientResponsibility, BigDecimal paid, List<Line> lines) {
    /** One adjudicated line. */
    public record Line(String procedureCode, BigDecimal allowed, BigDecimal paid, BigDecimal patientResponsibility) {
    }
}
