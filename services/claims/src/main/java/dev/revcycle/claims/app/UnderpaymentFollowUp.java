package dev.revcycle.claims.app;

import dev.revcycle.claims.store.ContractsRepository;
import dev.revcycle.claims.store.UnderpaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Underpayment detection hooked into adjudication: every answer that adjudicated (or reopened) a claim is checked
 * against the fee schedule in the adjudication's own transaction, so its underpaid lines are stored with it, or
 * not at all. A redelivered RemittancePosted never reaches here (AdjudicatingClaims records it once).
 *
 * <p>Per batch, two questions first, so that a remittance of thousands of claims costs a few statements where
 * detection can find nothing: which of the claims have current underpayments (a new answer supersedes them), and
 * whether the practice has a fee schedule for each payer (without one no line can be underpaid). Only the other
 * answers go through {@link DetectingUnderpayments#adjudicationRecorded}, in order, sharing one
 * {@link DetectingUnderpayments.Lookups} (the batch's tolerances, fee schedule versions and rates, each read once), and
 * only the claims with current underpayments have them superseded: about two statements per claim (the adjudication
 * and its lines) where a fee schedule applies, instead of six or more.
 */
@ApplicationScoped
public class UnderpaymentFollowUp implements AdjudicatingClaims.FollowUp {
    @Inject
    DetectingUnderpayments detecting;

    @Inject
    UnderpaymentRepository underpayments;

    @Inject
    ContractsRepository contracts;

    private record PracticePayer(String practiceId, UUID payerId) {
    }

    @Override
    public void adjudicated(List<AdjudicatingClaims.Adjudicated> adjudicated) {
        // the claims whose current underpayments a new answer supersedes: those of before the batch, and those found
        // in it (a claim paid and reversed in one 835)
        Set<UUID> withCurrent = new HashSet<>(underpayments.claimsWithCurrent(
                adjudicated.stream().map(AdjudicatingClaims.Adjudicated::claimId).distinct().toList()));
        Map<PracticePayer, Boolean> scheduled = new HashMap<>();
        DetectingUnderpayments.Lookups lookups = detecting.lookups();
        for (AdjudicatingClaims.Adjudicated a : adjudicated) {
            boolean detectable = a.payerId() != null && scheduled.computeIfAbsent(
                    new PracticePayer(a.remittance().practiceId(), a.payerId()),
                    k -> contracts.hasFeeSchedule(k.practiceId(), k.payerId()));
            boolean current = withCurrent.contains(a.claimId());
            if (detectable || current) {
                if (!detecting.adjudicationRecorded(a.adjudicationId(), lookups, current).isEmpty()) {
                    withCurrent.add(a.claimId());
                }
            }
        }
    }
}
