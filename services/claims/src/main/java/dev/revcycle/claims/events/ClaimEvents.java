package dev.revcycle.claims.events;

import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ClaimAccepted;
import dev.revcycle.contracts.claims.ClaimChanged;
import dev.revcycle.contracts.claims.ClaimCreated;
import dev.revcycle.contracts.claims.ClaimLineCharge;
import dev.revcycle.contracts.claims.ClaimRejected;
import dev.revcycle.contracts.claims.ClaimSubmitted;
import dev.revcycle.contracts.claims.ProviderChanged;
import dev.revcycle.contracts.claims.ProviderDetails;
import dev.revcycle.contracts.claims.ProviderRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The contract events of {@code revcycle.claims.events.v1}, written to the outbox in the caller's
 * transaction. Claim events are keyed by claim id, provider events by provider id; each carries
 * the aggregate's version after the change (its ETag).
 */
@ApplicationScoped
public class ClaimEvents {
    @Inject
    Outbox outbox;

    public void created(Claim c, UUID payerId) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_CREATED, c.id().toString(),
                new ClaimCreated(c.id(), c.practiceId(), c.patientId(), c.coverageId(), payerId, c.type().name(),
                        c.patientControlNumber(), c.totalCharge(), charges(c.lines()), c.primaryClaimId(),
                        c.replacesClaimId(), c.version()));
    }

    public void changed(Claim c, UUID payerId) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_CHANGED, c.id().toString(),
                new ClaimChanged(c.id(), c.practiceId(), c.patientId(), c.coverageId(), payerId,
                        c.patientControlNumber(), c.totalCharge(), charges(c.lines()), c.primaryClaimId(),
                        c.replacesClaimId(), c.version()));
    }

    public void submitted(Claim c, UUID batchId, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_SUBMITTED, c.id().toString(),
                new ClaimSubmitted(c.id(), c.practiceId(), c.patientId(), batchId, c.patientControlNumber(), at,
                        c.version()));
    }

    public void accepted(Claim c, String payerClaimControlNumber, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_ACCEPTED, c.id().toString(),
                new ClaimAccepted(c.id(), c.practiceId(), c.patientId(), c.patientControlNumber(),
                        payerClaimControlNumber, at, c.version()));
    }

    public void rejected(Claim c, String source, String categoryCode, String statusCode, String reason, Instant at) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_REJECTED, c.id().toString(),
                new ClaimRejected(c.id(), c.practiceId(), c.patientId(), c.patientControlNumber(), source,
                        categoryCode, statusCode, reason, at, c.version()));
    }

    public void appealed(dev.revcycle.claims.domain.appeal.Appeal a, UUID patientId, String patientControlNumber) {
        outbox.publish(Topics.CLAIMS, EventTypes.CLAIM_APPEALED, a.id().toString(),
                new dev.revcycle.contracts.claims.ClaimAppealed(a.id(), a.claimId(), a.practiceId(), patientId,
                        a.payerId(), patientControlNumber, a.claimStatus().name(), a.disputed(), a.deadline(),
                        a.filedAt(), a.version()));
    }

    public void providerRegistered(Provider p) {
        outbox.publish(Topics.CLAIMS, EventTypes.PROVIDER_REGISTERED, p.id().toString(),
                new ProviderRegistered(details(p), p.version()));
    }

    public void providerChanged(Provider p) {
        outbox.publish(Topics.CLAIMS, EventTypes.PROVIDER_CHANGED, p.id().toString(),
                new ProviderChanged(details(p), p.version()));
    }

    private static ProviderDetails details(Provider p) {
        return new ProviderDetails(p.id(), p.practiceId(), p.npi(), p.name(), p.entityType().name(), p.taxonomyCode(),
                p.defaultBilling());
    }

    static List<ClaimLineCharge> charges(List<ClaimLine> lines) {
        return lines.stream().map(l -> new ClaimLineCharge(l.lineId(), l.lineNumber(), l.procedureCode(), l.modifiers(),
                l.units(), l.chargeAmount(), l.serviceDate(), l.revenueCode())).toList();
    }
}
