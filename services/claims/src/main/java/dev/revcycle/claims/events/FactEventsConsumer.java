package dev.revcycle.claims.events;

import static dev.revcycle.common.events.EventFields.id;
import static dev.revcycle.common.events.EventFields.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.claims.app.AdjudicatingClaims;
import dev.revcycle.claims.app.LearningFacts;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.EligibilityFacts;
import dev.revcycle.claims.domain.pricing.CheckedBenefits;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.common.inbox.Inbox.Outcome;
import dev.revcycle.common.inbox.InboxConsumers;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.Benefits;
import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageChanged;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoverageTerminated;
import dev.revcycle.contracts.eligibility.EligibilityVerified;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientAddressCorrected;
import dev.revcycle.contracts.patients.PatientAddressUndeliverable;
import dev.revcycle.contracts.patients.PatientDeceased;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import dev.revcycle.contracts.payments.RemittanceAdjustment;
import dev.revcycle.contracts.payments.RemittanceLine;
import dev.revcycle.contracts.payments.RemittancePosted;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consumes {@code revcycle.patients.events.v1} and {@code revcycle.eligibility.events.v1} (and
 * claims' replay topic) into the read model, and payments' {@code RemittancePosted} from
 * {@code revcycle.payments.events.v1}: only unpacks each event and hands it to {@link LearningFacts}
 * or {@link AdjudicatingClaims} (payments' other events are recorded and ignored). One consumer for all
 * three, so that a replayed event of any of them comes back to it. The inbox does the rest (once-only, retries, dead letters to
 * {@code revcycle.claims.dlq.v1}). An event without a version or without what it must carry is
 * dead-lettered; one about a patient or coverage not known yet is retried.
 */
@ApplicationScoped
public class FactEventsConsumer implements Inbox.Handler {
    static final String CONSUMER = "claims.facts";

    @Inject
    InboxConsumers consumers;

    @Inject
    LearningFacts learning;

    @Inject
    AdjudicatingClaims adjudicating;

    @ConfigProperty(name = "revcycle.inbox.enabled", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start(CONSUMER, List.of(Topics.PATIENTS, Topics.ELIGIBILITY, Topics.PAYMENTS), this);
        }
    }

    /**
     * A poll's events in one transaction: each run of consecutive RemittancePosted goes to
     * {@link AdjudicatingClaims#adjudicateAll} at once (a fixed number of statements for the run), the
     * others one by one, in order.
     */
    @Override
    public List<Outcome> handleAll(List<CloudEvent<JsonNode>> events) throws MalformedEventException {
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<CloudEvent<JsonNode>> run = new ArrayList<>();
        for (CloudEvent<JsonNode> event : events) {
            if (EventTypes.REMITTANCE_POSTED.equals(event.type())) {
                run.add(event);
                continue;
            }
            outcomes.addAll(adjudicate(run));
            run.clear();
            outcomes.add(handle(event));
        }
        outcomes.addAll(adjudicate(run));
        return outcomes;
    }

    private List<Outcome> adjudicate(List<CloudEvent<JsonNode>> run) throws MalformedEventException {
        if (run.isEmpty()) {
            return List.of();
        }
        List<AdjudicatingClaims.Remittance> remittances = new ArrayList<>(run.size());
        for (CloudEvent<JsonNode> event : run) {
            remittances.add(remittance(event));
        }
        List<AdjudicatingClaims.Adjudicated> done = adjudicating.adjudicateAll(remittances);
        List<Outcome> outcomes = new ArrayList<>(done.size());
        for (int i = 0; i < done.size(); i++) {
            AdjudicatingClaims.Adjudicated a = done.get(i);
            CloudEvent<JsonNode> event = run.get(i);
            outcomes.add(switch (a.effect()) {
                case ADJUDICATED, RECORDED -> Outcome.APPLIED;
                case ALREADY_RECORDED -> Outcome.STALE;
                case UNKNOWN_CLAIM -> throw new MalformedEventException(event.type() + " " + event.id() + " names claim "
                        + a.claimId() + ", which claims does not know");
                case OTHER_PRACTICE -> throw new MalformedEventException(event.type() + " " + event.id() + " names claim "
                        + a.claimId() + " of another practice than the remittance's");
            });
        }
        return outcomes;
    }

    /** RemittancePosted → the answer the domain decides on; what it must carry, or it is dead-lettered. */
    static AdjudicatingClaims.Remittance remittance(CloudEvent<JsonNode> event) throws MalformedEventException {
        RemittancePosted p = EventJson.data(event, RemittancePosted.class);
        if (p.claimId() == null || p.remittanceId() == null || p.practiceId() == null || p.claimStatusCode() == null
                || p.claimStatusCode().isBlank() || p.paid() == null) {
            throw new MalformedEventException(event.type() + " " + event.id()
                    + " without claim, remittance, practice, CLP02 or paid amount");
        }
        List<RemittanceAdvice.Line> lines = new ArrayList<>();
        List<UUID> lineIds = new ArrayList<>();
        for (RemittanceLine l : p.lines() == null ? List.<RemittanceLine>of() : p.lines()) {
            if (l == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " with an empty line");
            }
            lines.add(new RemittanceAdvice.Line(l.lineNumber(), l.procedureCode(), l.charge(), l.paid(), l.allowed(),
                    adjustments(l.adjustments(), event), l.patientResponsibility()));
            lineIds.add(l.claimLineId());
        }
        RemittanceAdvice advice = new RemittanceAdvice(p.claimStatusCode().strip(), p.charge(), p.paid(),
                p.patientResponsibility(), adjustments(p.claimAdjustments(), event), lines,
                p.payerClaimControlNumber() == null || p.payerClaimControlNumber().isBlank() ? null
                        : p.payerClaimControlNumber().strip(), p.paidDate());
        return new AdjudicatingClaims.Remittance(p.claimId(), p.practiceId(), p.remittanceId(), p.traceNumber(),
                p.payerId(), advice, lineIds);
    }

    private static List<RemittanceAdvice.Adjustment> adjustments(List<RemittanceAdjustment> all,
                                                                 CloudEvent<JsonNode> event)
            throws MalformedEventException {
        List<RemittanceAdvice.Adjustment> out = new ArrayList<>();
        for (RemittanceAdjustment a : all == null ? List.<RemittanceAdjustment>of() : all) {
            if (a == null || a.groupCode() == null || a.reasonCode() == null || a.amount() == null) {
                throw new MalformedEventException(event.type() + " " + event.id()
                        + " with an adjustment without group, reason code or amount");
            }
            out.add(new RemittanceAdvice.Adjustment(a.groupCode(), a.reasonCode(), a.remarkCode(), a.amount()));
        }
        return out;
    }

    @Override
    public Outcome handle(CloudEvent<JsonNode> event) throws MalformedEventException {
        if (EventTypes.REMITTANCE_POSTED.equals(event.type())) {
            return adjudicate(List.of(event)).get(0);
        }
        LearningFacts.Learnt learnt = switch (event.type()) {
            case EventTypes.PATIENT_REGISTERED -> {
                PatientRegistered r = EventJson.data(event, PatientRegistered.class);
                yield learning.patient(patient(r.patientId(), r.practiceId(), r.demographics(), r.version(), event));
            }
            case EventTypes.PATIENT_UPDATED -> {
                PatientUpdated u = EventJson.data(event, PatientUpdated.class);
                yield learning.patient(patient(u.patientId(), u.practiceId(), u.demographics(), u.version(), event));
            }
            case EventTypes.PATIENT_MERGED -> {
                PatientMerged m = EventJson.data(event, PatientMerged.class);
                yield learning.merged(id(m.survivorId(), event), version(m.version(), event),
                        id(m.duplicateId(), event), version(m.duplicateVersion(), event));
            }
            case EventTypes.PATIENT_DECEASED -> {
                PatientDeceased d = EventJson.data(event, PatientDeceased.class);
                yield learning.deceased(id(d.patientId(), event), d.dateOfDeath(), version(d.version(), event));
            }
            case EventTypes.PATIENT_ADDRESS_UNDELIVERABLE -> {
                PatientAddressUndeliverable u = EventJson.data(event, PatientAddressUndeliverable.class);
                yield learning.addressUndeliverable(id(u.patientId(), event), version(u.version(), event));
            }
            case EventTypes.PATIENT_ADDRESS_CORRECTED -> {
                PatientAddressCorrected c = EventJson.data(event, PatientAddressCorrected.class);
                yield learning.addressCorrected(id(c.patientId(), event), address(c.address()),
                        version(c.version(), event));
            }
            case EventTypes.COVERAGE_ADDED -> {
                CoverageAdded a = EventJson.data(event, CoverageAdded.class);
                yield learning.coverage(coverage(a.coverage(), a.version(), event));
            }
            case EventTypes.COVERAGE_CHANGED -> {
                CoverageChanged c = EventJson.data(event, CoverageChanged.class);
                yield learning.coverage(coverage(c.coverage(), c.version(), event));
            }
            case EventTypes.COVERAGE_TERMINATED -> {
                CoverageTerminated t = EventJson.data(event, CoverageTerminated.class);
                if (t.terminationDate() == null) {
                    throw new MalformedEventException(event.type() + " without a termination date");
                }
                yield learning.coverageTerminated(id(t.coverageId(), event), t.terminationDate(),
                        version(t.version(), event));
            }
            case EventTypes.ELIGIBILITY_VERIFIED -> {
                EligibilityVerified v = EventJson.data(event, EligibilityVerified.class);
                if (v.checkId() == null || v.coverageId() == null || v.patientId() == null || v.practiceId() == null
                        || v.serviceDate() == null || v.status() == null) {
                    throw new MalformedEventException(event.type() + " without check, coverage, patient, date or status");
                }
                Benefits b = v.benefits();
                CheckedBenefits benefits = b == null ? null : new CheckedBenefits(b.copay(), b.coinsurancePercent(),
                        b.deductible(), b.deductibleRemaining(), b.outOfPocket(), b.outOfPocketRemaining());
                yield learning.eligibility(new EligibilityFacts(v.checkId(), v.coverageId(), v.serviceDate(), v.status(),
                        v.planBegin(), v.planEnd()), benefits, v.patientId(), v.practiceId());
            }
            default -> LearningFacts.Learnt.APPLIED; // nothing claims keeps
        };
        return switch (learnt) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_NEWER -> Outcome.STALE;
            case NOT_YET_KNOWN -> throw new Inbox.NotYetApplicable(event.type() + " " + event.id()
                    + " refers to a patient or coverage not known yet");
        };
    }

    private static PatientFacts patient(UUID id, String practiceId, PatientDemographics d, long version,
                                        CloudEvent<JsonNode> event) throws MalformedEventException {
        id(id, event);
        if (practiceId == null || d == null || d.firstName() == null || d.lastName() == null
                || d.dateOfBirth() == null || d.sex() == null) {
            throw new MalformedEventException(event.type() + " without practice, name, date of birth or sex");
        }
        return new PatientFacts(id, practiceId, d.mrn(), d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(),
                address(d.address()), false, null, version(version, event));
    }

    private static CoverageFacts coverage(CoverageDetails c, long version, CloudEvent<JsonNode> event)
            throws MalformedEventException {
        if (c == null || c.coverageId() == null || c.patientId() == null || c.practiceId() == null || c.payer() == null
                || c.payer().payerId() == null || c.payer().name() == null || c.memberId() == null
                || c.priority() == null || c.subscriberRelationship() == null || c.effectiveDate() == null) {
            throw new MalformedEventException(event.type() + " without coverage, patient, payer, member, priority or dates");
        }
        return new CoverageFacts(c.coverageId(), c.patientId(), c.practiceId(), c.payer().payerId(), c.payer().name(),
                c.payer().payerType(), c.payer().x12PayerId(), c.payer().timelyFilingDays(), c.memberId(),
                c.groupNumber(), c.planName(), c.priority(), c.subscriberRelationship(),
                c.subscriber() == null ? null : c.subscriber().firstName(),
                c.subscriber() == null ? null : c.subscriber().lastName(),
                c.subscriber() == null ? null : c.subscriber().dateOfBirth(),
                c.effectiveDate(), c.terminationDate(), false, version(version, event), c.medicareSecondaryType());
    }

    private static PostalAddress address(Address a) {
        return a == null ? null : new PostalAddress(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
    }
}
