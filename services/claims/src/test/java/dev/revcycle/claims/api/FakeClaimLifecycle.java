package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ClaimLifecycle;
import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.x12.AcknowledgementDecisions.Decision;
import dev.revcycle.common.security.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The claims core as submission sees it, in memory, until the claims-core branch is merged (then its adapter
 * replaces this in production; these tests keep this one). Records the moves it was asked for.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeClaimLifecycle implements ClaimLifecycle {
    final Map<UUID, BillableClaim> claims = new ConcurrentHashMap<>();
    final Map<UUID, ClaimStatus> statuses = new ConcurrentHashMap<>();
    final List<String> moves = new CopyOnWriteArrayList<>();

    public ClaimStatus status(UUID claimId) {
        return statuses.get(claimId);
    }

    public List<String> moves() {
        return List.copyOf(moves);
    }

    public void add(BillableClaim claim) {
        claims.put(claim.claim().id(), claim);
        statuses.put(claim.claim().id(), claim.claim().status());
    }

    @Override
    public List<BillableClaim> billable(List<UUID> claimIds) {
        return claimIds.stream().map(claims::get).filter(Objects::nonNull).map(c -> {
            var k = c.claim();
            var withStatus = new dev.revcycle.claims.domain.Claim(k.id(), k.practiceId(), k.patientId(), k.coverageId(),
                    k.type(), statuses.get(k.id()), k.patientControlNumber(), k.billingProviderId(), k.renderingProviderId(),
                    k.referringProviderId(), k.placeOfService(), k.typeOfBill(), k.admissionDate(), k.dischargeDate(),
                    k.priorAuthorization(), k.diagnoses(), k.lines(), k.totalCharge(), k.frequencyCode(),
                    k.primaryClaimId(), k.replacesClaimId(), k.version());
            return new BillableClaim(withStatus, c.patient(), c.coverage(), c.eligibility(), c.billingProvider(),
                    c.renderingProvider(), c.referringProvider());
        }).toList();
    }

    @Override
    public void markSubmitted(Caller caller, UUID claimId, UUID batchId) {
        statuses.put(claimId, ClaimStatus.SUBMITTED);
        moves.add(claimId + " SUBMITTED " + batchId);
    }

    @Override
    public void record(String actor, UUID claimId, String source, String reason) {
        moves.add(claimId + " RECORDED " + source + " " + reason);
    }

    @Override
    public void apply(String actor, Decision decision) {
        switch (decision.kind()) {
            case ACCEPTED -> statuses.put(decision.claimId(), ClaimStatus.ACCEPTED);
            case REJECTED -> statuses.put(decision.claimId(), ClaimStatus.REJECTED);
            case RECEIVED -> { }
        }
        moves.add(decision.claimId() + " " + decision.kind() + " " + decision.codes());
    }

    @Override
    public Optional<UUID> claimAwaitingAcknowledgement(String patientControlNumber) {
        return claims.values().stream().filter(c -> c.claim().patientControlNumber().equals(patientControlNumber))
                .filter(c -> statuses.get(c.claim().id()) == ClaimStatus.SUBMITTED
                        || statuses.get(c.claim().id()) == ClaimStatus.ACCEPTED)
                .map(c -> c.claim().id()).findFirst();
    }
}
