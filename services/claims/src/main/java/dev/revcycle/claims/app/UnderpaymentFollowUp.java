package dev.revcycle.claims.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Underpayment detection hooked into adjudication: every answer that adjudicated (or reopened) a claim is checked
 * against the fee schedule in the adjudication's own transaction, so its underpaid lines are stored with it, or
 * not at all. A redelivered RemittancePosted never reaches here (AdjudicatingClaims records it once).
 */
@ApplicationScoped
public class UnderpaymentFollowUp implements AdjudicatingClaims.FollowUp {
    @Inject
    DetectingUnderpayments detecting;

    @Override
    public void adjudicated(List<AdjudicatingClaims.Adjudicated> adjudicated) {
        for (AdjudicatingClaims.Adjudicated a : adjudicated) {
            detecting.adjudicationRecorded(a.adjudicationId());
        }
    }
}
