package dev.revcycle.sandbox.claims;

/** Test access to the package-private payer claim control number. */
public final class ClaimAcknowledgerAccess {

    private ClaimAcknowledgerAccess() {
    }

    public static String payerClaimControlNumber(String submitter, String claimId) {
        return ClaimAcknowledger.payerClaimControlNumber(submitter, claimId);
    }
}
