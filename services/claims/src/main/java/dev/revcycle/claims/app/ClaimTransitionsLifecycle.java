package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.x12.AcknowledgementDecisions.Decision;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ClaimLifecycle} over the claims core: {@link BillableClaims} and {@link ClaimTransitions} (history rows,
 * ClaimSubmitted/ClaimAccepted/ClaimRejected), in the caller's transaction.
 */
@ApplicationScoped
public class ClaimTransitionsLifecycle implements ClaimLifecycle {
    @Inject
    BillableClaims billableClaims;

    @Inject
    ClaimTransitions transitions;

    @Override
    public List<BillableClaim> billable(List<UUID> claimIds) {
        return billableClaims.loadAll(claimIds);
    }

    @Override
    public void markSubmitted(Caller caller, UUID claimId, UUID batchId) {
        transitions.markSubmitted(List.of(claimId), batchId, caller.subject());
    }

    @Override
    public void record(String actor, UUID claimId, String source, String reason) {
        transitions.record(claimId, source, null, null, reason, actor);
    }

    @Override
    public void apply(String actor, Decision decision) {
        // 277CA codes are category:status:entity; a 999's are "999 IK5 <code> <error codes>"
        String category;
        String status;
        if ("277CA".equals(decision.source())) {
            String[] parts = decision.codes().split(":");
            category = parts[0];
            status = parts.length > 1 ? parts[1] : null;
        } else {
            String[] parts = decision.codes().split(" ");
            category = parts.length > 2 ? parts[2] : null;
            status = parts.length > 3 ? String.join(" ", List.of(parts).subList(3, parts.length)) : null;
        }
        String source = "277CA".equals(decision.source()) ? ClaimTransitions.SOURCE_277CA : ClaimTransitions.SOURCE_999;
        switch (decision.kind()) {
            case ACCEPTED -> transitions.accept(decision.claimId(), decision.payerClaimNumber(), source, actor);
            case REJECTED -> transitions.reject(decision.claimId(), source, category, status, decision.reason(), actor);
            case RECEIVED -> transitions.record(decision.claimId(), source, category, status, decision.reason(), actor);
        }
    }

    @Override
    public Optional<UUID> claimAwaitingAcknowledgement(String patientControlNumber) {
        return Optional.ofNullable(transitions.claimIdOf(patientControlNumber));
    }
}
