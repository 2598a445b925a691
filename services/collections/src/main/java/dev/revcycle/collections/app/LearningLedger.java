package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.HoldType;
import dev.revcycle.collections.domain.KnownPatient;
import dev.revcycle.collections.domain.Movement;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.MovementStore;
import dev.revcycle.collections.store.PatientStore;
import dev.revcycle.collections.store.PlanStore;
import dev.revcycle.collections.store.StatementStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the accounts, their balances (and so the practice's aging) and the ledger's movements from payments'
 * events, in the inbox's transaction, a batch's balances and movements at once (a few statements per batch, not per
 * event). Balances apply by payments' account version: an event not newer than
 * the row changes nothing, so a redelivered or overtaken event never moves a balance backwards. A movement
 * is kept once by its entry id.
 */
@ApplicationScoped
public class LearningLedger {
    public enum Learnt { APPLIED, ALREADY_NEWER }

    @Inject
    AccountStore accounts;

    @Inject
    MovementStore movements;

    @Inject
    PatientStore patients;

    @Inject
    Holds holds;

    @Inject
    Clock clock;

    @Inject
    PaymentPlans plans;

    @Inject
    StatementStore statements;

    @Inject
    PlanStore planStore;

    /** One balance per account and version, in the order received: one outcome each, as if learnt one after another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Learnt> balances(List<AccountStore.Incoming> incoming) {
        List<AccountStore.Applied> applied = accounts.applyAll(incoming, clock.instant());
        List<UUID> firstSeen = new ArrayList<>();
        Set<UUID> paidToZero = new LinkedHashSet<>();
        List<Learnt> learnt = new ArrayList<>(incoming.size());
        for (int i = 0; i < incoming.size(); i++) {
            AccountStore.Incoming in = incoming.get(i);
            AccountStore.Applied a = applied.get(i);
            if (a.firstSeen()) {
                firstSeen.add(in.accountId());
            }
            if (a.changed() && in.balances().patientBalance().signum() <= 0) {
                // paid to zero: the next patient balance starts its dunning cycle at the first statement again
                paidToZero.add(in.accountId());
            }
            learnt.add(a.changed() ? Learnt.APPLIED : Learnt.ALREADY_NEWER);
        }
        if (!firstSeen.isEmpty()) {
            holdNewAccounts(firstSeen);
        }
        if (!paidToZero.isEmpty()) {
            statements.resetDunning(paidToZero);
        }
        return learnt;
    }

    /** Accounts that appear for a patient already deceased, or whose mail comes back, are held at once. */
    private void holdNewAccounts(List<UUID> accountIds) {
        List<Account> held = new ArrayList<>();
        for (UUID id : accountIds) {
            held.add(accounts.find(id).orElseThrow());
        }
        Map<UUID, KnownPatient> known = new HashMap<>();
        for (KnownPatient p : patients.find(held.stream().map(Account::patientId).filter(Objects::nonNull).distinct().toList())) {
            known.put(p.id(), p);
        }
        for (Account account : held) {
            KnownPatient patient = known.get(account.patientId());
            if (patient != null && patient.deceased()) {
                holds.openAutomatic(account, HoldType.PROBATE, LearningPatients.DECEASED_NOTE);
            }
            if (patient != null && patient.addressUndeliverable()) {
                holds.openAutomatic(account, HoldType.RETURNED_MAIL, LearningPatients.UNDELIVERABLE_NOTE);
            }
        }
    }

    /**
     * The ledger's movements in the order received: each kept once by its entry id (a movement kept before is
     * ALREADY_NEWER). A patient's own payment (not the agency's) counts to the account's plan; its reversal takes it back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Learnt> movements(List<Movement> list) {
        List<Boolean> added = movements.addAll(list, clock.instant());
        List<Movement> counted = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Movement m = list.get(i);
            if (added.get(i) && "PATIENT".equals(m.responsibility()) && !"AGENCY".equals(m.method())
                    && (m.type() == Movement.Type.PAYMENT || m.type() == Movement.Type.PAYMENT_REVERSAL)) {
                counted.add(m);
            }
        }
        if (!counted.isEmpty()) {
            Set<UUID> withPlans = planStore.accountsCounted(counted.stream().map(Movement::accountId).distinct().toList());
            for (Movement m : counted) {
                if (withPlans.contains(m.accountId())) {
                    plans.counted(m.accountId(), m.type() == Movement.Type.PAYMENT ? m.amount() : m.amount().negate(),
                            m.postedAt());
                }
            }
        }
        return added.stream().map(a -> a ? Learnt.APPLIED : Learnt.ALREADY_NEWER).toList();
    }
}
