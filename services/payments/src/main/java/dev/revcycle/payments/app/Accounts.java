package dev.revcycle.payments.app;

import dev.revcycle.payments.domain.Account;
import dev.revcycle.payments.events.LedgerEvents;
import dev.revcycle.payments.store.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Opening accounts (PatientRegistered) and merging them (PatientMerged). */
@ApplicationScoped
public class Accounts {
    public enum Applied { APPLIED, ALREADY, NOT_YET_KNOWN }

    static final String EVENTS_ACTOR = "patients-events";

    @Inject
    LedgerStore ledger;

    @Inject
    LedgerEvents events;

    @Inject
    Posting posting;

    @Inject
    Clock clock;

    /** Opens the patient's account at the practice with zero balances (AccountBalanceChanged version 1). */
    @Transactional
    public Applied open(UUID patientId, String practiceId, long patientVersion) {
        UUID id = UUID.randomUUID();
        if (!ledger.open(id, patientId, practiceId, patientVersion, clock.instant())) {
            return Applied.ALREADY;
        }
        events.opened(ledger.find(id).orElseThrow());
        return Applied.APPLIED;
    }

    @Transactional
    public Applied merged(UUID survivorId, UUID duplicateId, String practiceId, long duplicateVersion) {
        Optional<Account> survivor = ledger.findByPatient(survivorId, practiceId);
        Optional<Account> duplicate = ledger.findByPatient(duplicateId, practiceId);
        if (survivor.isEmpty() || duplicate.isEmpty()) {
            return Applied.NOT_YET_KNOWN;
        }
        if (duplicate.get().mergedInto() != null) {
            return Applied.ALREADY;
        }
        posting.moveAll(duplicate.get().id(), survivor.get().id(), EVENTS_ACTOR);
        ledger.markMerged(duplicate.get().id(), survivor.get().id(), duplicateVersion);
        return Applied.APPLIED;
    }
}
