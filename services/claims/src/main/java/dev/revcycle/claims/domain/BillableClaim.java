package dev.revcycle.claims.domain;

import java.util.List;

/**
 * A claim with everything the scrubber, the 837 writer and the paper forms read: the patient, the
 * coverage and its latest eligibility (both absent for self-pay; eligibility absent when never
 * verified), and the providers (rendering and referring absent when not given). The one input of
 * {@code scrub}, the 837 writer and the CMS-1500/UB-04 forms, loaded in one place (app).
 *
 * <p>{@code priorPayers}: for a secondary or tertiary claim, what the earlier payers did, in payment order (the
 * 837's 2320/2330/2430 loops); empty otherwise. {@code originalPayerClaimControlNumber}: for a correction
 * (frequency 7) or a void (8), the payer's claim control number of the claim it replaces (REF*F8); null otherwise.
 */
public record BillableClaim(Claim claim, PatientFacts patient, CoverageFacts coverage, EligibilityFacts eligibility,
                            Provider billingProvider, Provider renderingProvider, Provider referringProvider,
                            List<PriorPayer> priorPayers, String originalPayerClaimControlNumber) {

    public BillableClaim {
        priorPayers = priorPayers == null ? List.of() : List.copyOf(priorPayers);
    }

    /** A claim of its own (no earlier payer, nothing replaced). */
    public BillableClaim(Claim claim, PatientFacts patient, CoverageFacts coverage, EligibilityFacts eligibility,
                         Provider billingProvider, Provider renderingProvider, Provider referringProvider) {
        this(claim, patient, coverage, eligibility, billingProvider, renderingProvider, referringProvider, List.of(), null);
    }

    @Override
    public String toString() {
        return "BillableClaim[" + claim.id() + "]";
    }
}
