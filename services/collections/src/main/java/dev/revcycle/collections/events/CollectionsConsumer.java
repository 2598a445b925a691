package dev.revcycle.collections.events;

import static dev.revcycle.common.events.EventFields.amount;
import static dev.revcycle.common.events.EventFields.date;
import static dev.revcycle.common.events.EventFields.id;
import static dev.revcycle.common.events.EventFields.practice;
import static dev.revcycle.common.events.EventFields.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.collections.app.LearningLedger;
import dev.revcycle.collections.app.LearningPatients;
import dev.revcycle.collections.domain.AccountBalances;
import dev.revcycle.collections.domain.Movement;
import dev.revcycle.collections.domain.PatientFacts;
import dev.revcycle.collections.domain.PostalAddress;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.common.inbox.Inbox;
import dev.revcycle.common.inbox.Inbox.Outcome;
import dev.revcycle.common.inbox.InboxConsumers;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.Guarantor;
import dev.revcycle.contracts.patients.PatientAddressCorrected;
import dev.revcycle.contracts.patients.PatientAddressUndeliverable;
import dev.revcycle.contracts.patients.PatientDeceased;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import dev.revcycle.contracts.payments.AccountBalanceChanged;
import dev.revcycle.contracts.payments.AdjustmentPosted;
import dev.revcycle.contracts.payments.ChargePosted;
import dev.revcycle.contracts.payments.PaymentPosted;
import dev.revcycle.contracts.payments.PaymentReversed;
import dev.revcycle.contracts.payments.RefundIssued;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One inbox consumer over payments' and patients' topics (and collections' replay topic): only unpacks each
 * event and hands it to {@link LearningLedger} (a run of balances and movements at once) or {@link LearningPatients}; the inbox does the rest (batches,
 * once-only by event id, retries of transient failures, dead letters to {@code revcycle.collections.dlq.v1}).
 * An event without a version, an id or an amount can never apply: dead-lettered. A patient event about a
 * patient not known yet is retried until the registration has arrived. Other types are recorded and ignored.
 */
@ApplicationScoped
public class CollectionsConsumer implements Inbox.Handler {
    public static final String CONSUMER = "collections.events";
    /** Patients' events collections keeps: each learnt on its own, after the balances and movements before it. */
    private static final Set<String> PATIENT_EVENTS = Set.of(EventTypes.PATIENT_REGISTERED, EventTypes.PATIENT_UPDATED,
            EventTypes.PATIENT_DECEASED, EventTypes.PATIENT_ADDRESS_UNDELIVERABLE, EventTypes.PATIENT_ADDRESS_CORRECTED,
            EventTypes.PATIENT_MERGED);

    @Inject
    InboxConsumers consumers;

    @Inject
    LearningLedger ledger;

    @Inject
    LearningPatients patients;

    @ConfigProperty(name = "revcycle.inbox.enabled", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start(CONSUMER, List.of(Topics.PAYMENTS, Topics.PATIENTS), this);
        }
    }

    @Override
    public Outcome handle(CloudEvent<JsonNode> event) throws MalformedEventException {
        return handleAll(List.of(event)).get(0);
    }

    /**
     * The batch in order: each run of payments' balances and movements is learnt at once (a few statements for the
     * run, whatever its length), a patient event between them one at a time, so that each event sees what the ones
     * before it did.
     */
    @Override
    public List<Outcome> handleAll(List<CloudEvent<JsonNode>> events) throws MalformedEventException {
        Outcome[] outcomes = new Outcome[events.size()];
        LedgerRun run = new LedgerRun(outcomes);
        for (int i = 0; i < events.size(); i++) {
            CloudEvent<JsonNode> event = events.get(i);
            if (run.add(i, event)) {
                continue;
            }
            if (PATIENT_EVENTS.contains(event.type())) {
                run.learn();
                outcomes[i] = patientEvent(event);
            } else {
                outcomes[i] = Outcome.APPLIED; // remittances and the rest: nothing collections keeps
            }
        }
        run.learn();
        return List.of(outcomes);
    }

    /** Payments' balances and movements of a run of events, with where each one's outcome goes. */
    private final class LedgerRun {
        final Outcome[] outcomes;
        final List<Integer> balanceAt = new ArrayList<>();
        final List<AccountStore.Incoming> balances = new ArrayList<>();
        final List<Integer> movementAt = new ArrayList<>();
        final List<Movement> movements = new ArrayList<>();

        LedgerRun(Outcome[] outcomes) {
            this.outcomes = outcomes;
        }

        /** @return false for an event that is not a balance or a movement */
        boolean add(int i, CloudEvent<JsonNode> event) throws MalformedEventException {
            if (EventTypes.ACCOUNT_BALANCE_CHANGED.equals(event.type())) {
                balanceAt.add(i);
                balances.add(balance(event));
                return true;
            }
            Movement m = movement(event);
            if (m == null) {
                return false;
            }
            movementAt.add(i);
            movements.add(m);
            return true;
        }

        void learn() {
            if (!balances.isEmpty()) {
                put(balanceAt, ledger.balances(balances));
            }
            if (!movements.isEmpty()) {
                put(movementAt, ledger.movements(movements));
            }
            balanceAt.clear();
            balances.clear();
            movementAt.clear();
            movements.clear();
        }

        private void put(List<Integer> at, List<LearningLedger.Learnt> learnt) {
            for (int k = 0; k < at.size(); k++) {
                outcomes[at.get(k)] = learnt.get(k) == LearningLedger.Learnt.APPLIED ? Outcome.APPLIED : Outcome.STALE;
            }
        }
    }

    private static AccountStore.Incoming balance(CloudEvent<JsonNode> event) throws MalformedEventException {
        AccountBalanceChanged b = EventJson.data(event, AccountBalanceChanged.class);
        if (b.insuranceBalance() == null || b.patientBalance() == null || b.creditBalance() == null) {
            throw new MalformedEventException(event.type() + " without its balances");
        }
        BigDecimal balance = b.balance() != null ? b.balance()
                : b.insuranceBalance().add(b.patientBalance()).subtract(b.creditBalance());
        return new AccountStore.Incoming(id(b.accountId(), event), practice(b.practiceId(), event), id(b.patientId(), event),
                new AccountBalances(money(balance, event), money(b.insuranceBalance(), event), money(b.patientBalance(), event),
                        money(b.creditBalance(), event), b.oldestOpenServiceDate(), version(b.version(), event)));
    }

    /** The ledger's movement an event of payments brings; null for any other type. */
    private static Movement movement(CloudEvent<JsonNode> event) throws MalformedEventException {
        return switch (event.type()) {
            case EventTypes.CHARGE_POSTED -> {
                ChargePosted c = EventJson.data(event, ChargePosted.class);
                yield new Movement(id(c.entryId(), event), id(c.accountId(), event),
                        practice(c.practiceId(), event), c.patientId(), Movement.Type.CHARGE, null, "CHARGE",
                        amount(c.amount(), event), c.responsibility(), c.claimId(), c.claimLineId(), null, null, "CLAIM",
                        null, null, null, date(c.effectiveDate(), event), c.postedAt(), version(c.version(), event));
            }
            case EventTypes.PAYMENT_POSTED -> {
                PaymentPosted p = EventJson.data(event, PaymentPosted.class);
                yield new Movement(id(p.entryId(), event), id(p.accountId(), event),
                        practice(p.practiceId(), event), p.patientId(), Movement.Type.PAYMENT, p.method(), "PAYMENT",
                        amount(p.amount(), event), p.responsibility(), p.claimId(), p.claimLineId(), p.paymentId(),
                        p.method(), p.source(), null, null, null, date(p.effectiveDate(), event), p.postedAt(),
                        version(p.version(), event));
            }
            case EventTypes.ADJUSTMENT_POSTED -> {
                AdjustmentPosted a = EventJson.data(event, AdjustmentPosted.class);
                yield new Movement(id(a.entryId(), event), id(a.accountId(), event),
                        practice(a.practiceId(), event), a.patientId(), Movement.Type.ADJUSTMENT, a.kind(),
                        a.entryType(), amount(a.amount(), event), a.responsibility(), a.claimId(), a.claimLineId(), null,
                        null, a.source(), a.groupCode(), a.reasonCode(), a.reversalOf(), date(a.effectiveDate(), event),
                        a.postedAt(), version(a.version(), event));
            }
            case EventTypes.PAYMENT_REVERSED -> {
                PaymentReversed r = EventJson.data(event, PaymentReversed.class);
                UUID paymentId = id(r.paymentId(), event);
                // one reversal per payment (payments refuses a second): its movement id is named after the payment
                UUID movementId = UUID.nameUUIDFromBytes(("payment-reversal:" + paymentId).getBytes(StandardCharsets.UTF_8));
                yield new Movement(movementId, id(r.accountId(), event),
                        practice(r.practiceId(), event), r.patientId(), Movement.Type.PAYMENT_REVERSAL, null, "REVERSAL",
                        amount(r.amount(), event), r.responsibility(), null, null, paymentId, null, null, null, null,
                        null, date(r.effectiveDate(), event), r.postedAt(), version(r.version(), event));
            }
            case EventTypes.REFUND_ISSUED -> {
                RefundIssued r = EventJson.data(event, RefundIssued.class);
                yield new Movement(id(r.entryId(), event), id(r.accountId(), event),
                        practice(r.practiceId(), event), r.patientId(), Movement.Type.REFUND, r.payee(), "REFUND",
                        amount(r.amount(), event), r.responsibility(), null, null, r.refundId(), null, null, null, null,
                        null, date(r.effectiveDate(), event), r.postedAt(), version(r.version(), event));
            }
            default -> null;
        };
    }

    /** A patient's event, on its own; any other type is nothing collections keeps. */
    private Outcome patientEvent(CloudEvent<JsonNode> event) throws MalformedEventException {
        return switch (event.type()) {
            case EventTypes.PATIENT_REGISTERED -> {
                PatientRegistered r = EventJson.data(event, PatientRegistered.class);
                yield patient(patients.patient(facts(r.patientId(), r.practiceId(), r.demographics(), r.version(), event)), event);
            }
            case EventTypes.PATIENT_UPDATED -> {
                PatientUpdated u = EventJson.data(event, PatientUpdated.class);
                yield patient(patients.patient(facts(u.patientId(), u.practiceId(), u.demographics(), u.version(), event)), event);
            }
            case EventTypes.PATIENT_DECEASED -> {
                PatientDeceased d = EventJson.data(event, PatientDeceased.class);
                yield patient(patients.deceased(id(d.patientId(), event), practice(d.practiceId(), event), date(d.dateOfDeath(), event),
                        version(d.version(), event)), event);
            }
            case EventTypes.PATIENT_ADDRESS_UNDELIVERABLE -> {
                PatientAddressUndeliverable u = EventJson.data(event, PatientAddressUndeliverable.class);
                yield patient(patients.undeliverable(id(u.patientId(), event), practice(u.practiceId(), event), u.reportedOn(),
                        version(u.version(), event)), event);
            }
            case EventTypes.PATIENT_ADDRESS_CORRECTED -> {
                PatientAddressCorrected c = EventJson.data(event, PatientAddressCorrected.class);
                yield patient(patients.corrected(id(c.patientId(), event), practice(c.practiceId(), event), address(c.address()),
                        version(c.version(), event)), event);
            }
            case EventTypes.PATIENT_MERGED -> {
                PatientMerged m = EventJson.data(event, PatientMerged.class);
                yield patient(patients.merged(id(m.survivorId(), event), version(m.version(), event),
                        id(m.duplicateId(), event), version(m.duplicateVersion(), event), m.practiceId()), event);
            }
            default -> Outcome.APPLIED;
        };
    }

    private static Outcome patient(LearningPatients.Learnt learnt, CloudEvent<JsonNode> event) {
        return switch (learnt) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_NEWER -> Outcome.STALE;
            case NOT_YET_KNOWN -> throw new Inbox.NotYetApplicable(event.type() + " " + event.id()
                    + " refers to a patient not known yet");
        };
    }

    private static PatientFacts facts(UUID id, String practiceId, PatientDemographics d, long version,
                                      CloudEvent<JsonNode> event) throws MalformedEventException {
        id(id, event);
        practice(practiceId, event);
        if (d == null) {
            throw new MalformedEventException(event.type() + " without demographics");
        }
        Guarantor g = d.guarantor();
        return new PatientFacts(id, practiceId, d.mrn(), d.firstName(), d.lastName(), d.dateOfBirth(), address(d.address()),
                d.addressUndeliverable(), d.phone(), d.email(), g == null ? null : g.firstName(),
                g == null ? null : g.lastName(), g == null ? null : g.relationship(),
                g == null ? null : address(g.address()), version(version, event));
    }

    private static PostalAddress address(Address a) {
        return a == null ? null : new PostalAddress(a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
    }

    /** A balance (any sign) with at most two decimals. */
    private static BigDecimal money(BigDecimal amount, CloudEvent<JsonNode> event) throws MalformedEventException {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new MalformedEventException(event.type() + " with a balance of more than two decimals");
        }
        return amount.setScale(2);
    }
}
