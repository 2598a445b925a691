package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.AccountBalances;
import dev.revcycle.collections.domain.HoldType;
import dev.revcycle.collections.domain.KnownPatient;
import dev.revcycle.collections.domain.Movement;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.MovementStore;
import dev.revcycle.collections.store.PatientStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the accounts, their balances (and so the practice's aging) and the ledger's movements from payments'
 * events, in the inbox's transaction. Balances apply by payments' account version: an event not newer than
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
    dev.revcycle.collections.store.StatementStore statements;

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt balance(UUID accountId, String practiceId, UUID patientId, AccountBalances balances) {
        AccountStore.Applied applied = accounts.apply(accountId, practiceId, patientId, balances, clock.instant());
        if (applied.firstSeen()) {
            // an account that appears for a patient already deceased, or whose mail comes back, is held at once
            Optional<KnownPatient> patient = patients.find(patientId);
            Account account = accounts.find(accountId).orElseThrow();
            if (patient.isPresent() && patient.get().deceased()) {
                holds.openAutomatic(account, HoldType.PROBATE, LearningPatients.DECEASED_NOTE);
            }
            if (patient.isPresent() && patient.get().addressUndeliverable()) {
                holds.openAutomatic(account, HoldType.RETURNED_MAIL, LearningPatients.UNDELIVERABLE_NOTE);
            }
        }
        if (applied.changed() && balances.patientBalance().signum() <= 0) {
            // paid to zero: the next patient balance starts its dunning cycle at the first statement again
            statements.resetDunning(accountId);
        }
        return applied.changed() ? Learnt.APPLIED : Learnt.ALREADY_NEWER;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt movement(Movement movement) {
        if (!movements.add(movement, clock.instant())) {
            return Learnt.ALREADY_NEWER;
        }
        // a patient's own payment (not the agency's) counts to the account's plan; its reversal takes it back
        if ("PATIENT".equals(movement.responsibility()) && !"AGENCY".equals(movement.method())) {
            if (movement.type() == Movement.Type.PAYMENT) {
                plans.counted(movement.accountId(), movement.amount(), movement.postedAt());
            } else if (movement.type() == Movement.Type.PAYMENT_REVERSAL) {
                plans.counted(movement.accountId(), movement.amount().negate(), movement.postedAt());
            }
        }
        return Learnt.APPLIED;
    }
}
