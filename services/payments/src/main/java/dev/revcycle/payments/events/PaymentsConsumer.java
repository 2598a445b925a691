package dev.revcycle.payments.events;

import static dev.revcycle.common.events.EventFields.id;
import static dev.revcycle.common.events.EventFields.practice;
import static dev.revcycle.common.events.EventFields.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.common.inbox.Inbox.Outcome;
import dev.revcycle.common.inbox.InboxConsumers;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ClaimChanged;
import dev.revcycle.contracts.claims.ClaimCreated;
import dev.revcycle.contracts.claims.ClaimLineCharge;
import dev.revcycle.contracts.claims.ClaimReplaced;
import dev.revcycle.contracts.claims.ClaimVoided;
import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageChanged;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoverageTerminated;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.payments.WriteOffRequested;
import dev.revcycle.contracts.payments.WriteOffReversalRequested;
import dev.revcycle.payments.app.Accounts;
import dev.revcycle.payments.app.Charges;
import dev.revcycle.payments.app.LearningCoverages;
import dev.revcycle.payments.app.WriteOffs;
import dev.revcycle.payments.store.ClaimStore.KnownLine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One inbox consumer over patients', claims', eligibility's and collections' topics (and payments' replay
 * topic): unpacks each event and hands it to its use case. Idempotent (the inbox records every event id;
 * every use case is version- or request-id-guarded). An event about an account or claim not known yet is
 * retried (Inbox.NotYetApplicable), never dead-lettered; one that can never apply is dead-lettered.
 */
@ApplicationScoped
public class PaymentsConsumer implements Inbox.Handler {
    static final String CONSUMER = "payments.events";
    static final Set<String> WRITE_OFF_KINDS = Set.of("SMALL_BALANCE", "BAD_DEBT", "CHARITY");

    @Inject
    InboxConsumers consumers;

    @Inject
    Accounts accounts;

    @Inject
    Charges charges;

    @Inject
    LearningCoverages coverages;

    @Inject
    WriteOffs writeOffs;

    @ConfigProperty(name = "revcycle.inbox.enabled", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start(CONSUMER, List.of(Topics.PATIENTS, Topics.CLAIMS, Topics.ELIGIBILITY, Topics.COLLECTIONS), this);
        }
    }

    @Override
    public Outcome handle(CloudEvent<JsonNode> event) throws MalformedEventException {
        return switch (event.type()) {
            case EventTypes.PATIENT_REGISTERED -> {
                PatientRegistered r = EventJson.data(event, PatientRegistered.class);
                yield outcome(accounts.open(id(r.patientId(), event), practice(r.practiceId(), event),
                        version(r.version(), event)), event);
            }
            case EventTypes.PATIENT_MERGED -> {
                PatientMerged m = EventJson.data(event, PatientMerged.class);
                yield outcome(accounts.merged(id(m.survivorId(), event), id(m.duplicateId(), event),
                        practice(m.practiceId(), event), version(m.duplicateVersion(), event)), event);
            }
            case EventTypes.CLAIM_CREATED -> {
                ClaimCreated c = EventJson.data(event, ClaimCreated.class);
                yield outcome(charges.apply(new Charges.ClaimFacts(id(c.claimId(), event), practice(c.practiceId(), event),
                        id(c.patientId(), event), c.coverageId(), c.payerId(), c.patientControlNumber(),
                        c.primaryClaimId() != null || c.replacesClaimId() != null, lines(c.lines(), event),
                        version(c.version(), event))), event);
            }
            case EventTypes.CLAIM_CHANGED -> {
                ClaimChanged c = EventJson.data(event, ClaimChanged.class);
                yield outcome(charges.apply(new Charges.ClaimFacts(id(c.claimId(), event), practice(c.practiceId(), event),
                        id(c.patientId(), event), c.coverageId(), c.payerId(), c.patientControlNumber(),
                        c.primaryClaimId() != null || c.replacesClaimId() != null, lines(c.lines(), event),
                        version(c.version(), event))), event);
            }
            case EventTypes.CLAIM_VOIDED -> {
                ClaimVoided v = EventJson.data(event, ClaimVoided.class);
                version(v.version(), event);
                yield outcome(charges.voided(id(v.claimId(), event), practice(v.practiceId(), event)), event);
            }
            case EventTypes.CLAIM_REPLACED -> {
                ClaimReplaced r = EventJson.data(event, ClaimReplaced.class);
                version(r.version(), event);
                yield outcome(charges.replaced(id(r.claimId(), event), id(r.correctionClaimId(), event),
                        practice(r.practiceId(), event), lines(r.lines(), event)), event);
            }
            case EventTypes.COVERAGE_ADDED -> {
                CoverageAdded a = EventJson.data(event, CoverageAdded.class);
                yield coverage(a.coverage(), a.version(), event);
            }
            case EventTypes.COVERAGE_CHANGED -> {
                CoverageChanged c = EventJson.data(event, CoverageChanged.class);
                yield coverage(c.coverage(), c.version(), event);
            }
            case EventTypes.COVERAGE_TERMINATED -> {
                CoverageTerminated t = EventJson.data(event, CoverageTerminated.class);
                yield coverages.terminated(id(t.coverageId(), event), t.terminationDate(), version(t.version(), event))
                        ? Outcome.APPLIED : Outcome.STALE;
            }
            case EventTypes.WRITE_OFF_REQUESTED -> {
                WriteOffRequested w = EventJson.data(event, WriteOffRequested.class);
                if (w.amount() == null || w.amount().signum() <= 0 || w.amount().stripTrailingZeros().scale() > 2
                        || !WRITE_OFF_KINDS.contains(w.kind())) {
                    throw new MalformedEventException("WriteOffRequested without a positive amount or a known kind");
                }
                yield outcome(writeOffs.requested(id(w.requestId(), event), id(w.accountId(), event),
                        w.amount(), w.kind(), w.reason()), event);
            }
            case EventTypes.WRITE_OFF_REVERSAL_REQUESTED -> {
                WriteOffReversalRequested w = EventJson.data(event, WriteOffReversalRequested.class);
                yield outcome(writeOffs.reversalRequested(id(w.requestId(), event),
                        id(w.writeOffRequestId(), event)), event);
            }
            default -> Outcome.APPLIED;
        };
    }

    private Outcome coverage(CoverageDetails c, long version, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (c == null || c.coverageId() == null || c.patientId() == null || c.practiceId() == null) {
            throw new MalformedEventException(event.type() + " without a coverage, patient or practice");
        }
        return coverages.learn(c.coverageId(), c.patientId(), c.practiceId(),
                c.payer() == null ? null : c.payer().x12PayerId(), c.priority() == null ? "PRIMARY" : c.priority(),
                c.effectiveDate(), c.terminationDate(), version(version, event)) ? Outcome.APPLIED : Outcome.STALE;
    }

    private static List<KnownLine> lines(List<ClaimLineCharge> lines, CloudEvent<JsonNode> event)
            throws MalformedEventException {
        if (lines == null || lines.isEmpty()) {
            throw new MalformedEventException(event.type() + " without lines");
        }
        for (ClaimLineCharge l : lines) {
            if (l.lineId() == null || l.chargeAmount() == null || l.serviceDate() == null
                    || l.chargeAmount().signum() < 0 || l.chargeAmount().stripTrailingZeros().scale() > 2) {
                throw new MalformedEventException(event.type() + " with a line without id, amount or service date");
            }
        }
        return lines.stream().map(l -> new KnownLine(l.lineId(), l.lineNumber(),
                l.procedureCode() == null ? "" : l.procedureCode(), l.chargeAmount().setScale(2), l.serviceDate())).toList();
    }

    private static Outcome outcome(Accounts.Applied applied, CloudEvent<JsonNode> event) {
        return switch (applied) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY -> Outcome.STALE;
            case NOT_YET_KNOWN -> throw new Inbox.NotYetApplicable(event.type() + " " + event.id()
                    + " refers to an account, claim or request not known yet");
        };
    }
}
