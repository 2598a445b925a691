package dev.revcycle.payments.domain.remittance;

import dev.revcycle.payments.domain.PlannedEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What one CLP turns into: the entries to post on its account and the result a poster reads.
 *
 * @param outcome               POSTED, DENIED (nothing adjusted: the balance stays with insurance), REVERSED
 *                              (the earlier posting undone), NOT_POSTED (a predetermination, a claim forwarded as
 *                              not the payer's, a reversal of nothing we posted: see {@code warnings})
 * @param paid                  CLP04
 * @param adjustments           CO/OA/PI/CR amounts posted as adjustments (0 for a denial)
 * @param patientResponsibility PR amounts (transferred to the patient unless {@code patientResponsibilityKept})
 * @param patientResponsibilityKept true when PR stays with insurance because a lower-priority coverage follows
 * @param reversals             for REVERSED: the ledger ids of the earlier entries to reverse exactly
 *                              ({@code Posting.reverse}); {@code entries} is then empty
 */
public record ClaimPosting(UUID accountId, UUID claimId, Outcome outcome, List<PlannedEntry> entries, List<UUID> reversals,
                           BigDecimal paid, BigDecimal adjustments, BigDecimal patientResponsibility,
                           boolean patientResponsibilityKept, List<LineResult> lines, List<String> warnings) {

    public enum Outcome { POSTED, DENIED, REVERSED, NOT_POSTED }

    public ClaimPosting {
        entries = List.copyOf(entries);
        reversals = List.copyOf(reversals);
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    /** One line's result, as RemittancePosted carries it. */
    public record LineResult(int number, UUID claimLineId, String procedureCode, BigDecimal charged, BigDecimal paid,
                             BigDecimal allowed, BigDecimal patientResponsibility, List<CasAdjustment> adjustments,
                             List<String> remarkCodes) {
        public LineResult {
            adjustments = List.copyOf(adjustments);
            remarkCodes = List.copyOf(remarkCodes);
        }
    }
}
