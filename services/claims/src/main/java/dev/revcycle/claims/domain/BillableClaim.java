package dev.revcycle.claims.domain;

/**
 * A claim with everything the scrubber, the 837 writer and the paper forms read: the patient, the
 * coverage and its latest eligibility (both absent for self-pay; eligibility absent when never
 * verified), and the providers (rendering and referring absent when not given). The one input of
 * {@code scrub}, the 837 writer and the CMS-1500/UB-04 forms, loaded in one place (app).
 */
public record BillableClaim(Claim claim, PatientFacts patient, CoverageFacts coverage, EligibilityFacts eligibility,
                            Provider billingProvider, Provider renderingProvider, Provider referringProvider) {
    @Override
    public String toString() {
        return "BillableClaim[" + claim.id() + "]";
    }
}
