package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.HoldType;
import dev.revcycle.collections.domain.PatientFacts;
import dev.revcycle.collections.domain.PostalAddress;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.HoldStore;
import dev.revcycle.collections.store.PatientStore;
import dev.revcycle.collections.store.PatientStore.Written;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Keeps what collections needs of patients from patients' events, in the inbox's transaction, by the patient's
 * version; and opens or closes the holds they call for: a death opens PROBATE on each of the patient's
 * accounts, returned mail RETURNED_MAIL, a corrected address closes it. A merge moves the duplicate's open
 * holds to the survivor's account at the practice.
 */
@ApplicationScoped
public class LearningPatients {
    static final String DECEASED_NOTE = "opened on the patient's death (PatientDeceased)";
    static final String UNDELIVERABLE_NOTE = "opened on returned mail (PatientAddressUndeliverable)";

    public enum Learnt { APPLIED, ALREADY_NEWER, NOT_YET_KNOWN }

    @Inject
    PatientStore patients;

    @Inject
    AccountStore accounts;

    @Inject
    HoldStore holdStore;

    @Inject
    Holds holds;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt patient(PatientFacts facts) {
        Learnt learnt = outcome(patients.upsert(facts, clock.instant()));
        if (learnt == Learnt.APPLIED && facts.addressUndeliverable()) {
            holds.openAutomatic(facts.patientId(), facts.practiceId(), HoldType.RETURNED_MAIL, UNDELIVERABLE_NOTE);
        }
        return learnt;
    }

    /**
     * A death, returned mail or a corrected address travel under the patient's key after the registration: one
     * about a patient never seen (the registration is older than the topic's retention, or this service started
     * after it) is applied to a record without demographics, so that the hold still opens, rather than waiting
     * for an event that will not come.
     */
    private Learnt applyKnown(UUID patientId, String practiceId, long version, java.util.function.Supplier<Written> write,
                              Runnable then) {
        Written written = write.get();
        if (written == Written.UNKNOWN) {
            patients.stub(patientId, practiceId, version - 1, clock.instant());
            written = write.get();
        }
        Learnt learnt = outcome(written);
        if (learnt == Learnt.APPLIED) {
            then.run();
        }
        return learnt;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt deceased(UUID patientId, String practiceId, LocalDate dateOfDeath, long version) {
        return applyKnown(patientId, practiceId, version,
                () -> patients.deceased(patientId, dateOfDeath, version, clock.instant()),
                () -> holds.openAutomatic(patientId, practiceId, HoldType.PROBATE, DECEASED_NOTE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt undeliverable(UUID patientId, String practiceId, LocalDate reportedOn, long version) {
        return applyKnown(patientId, practiceId, version,
                () -> patients.undeliverable(patientId, reportedOn, version, clock.instant()),
                () -> holds.openAutomatic(patientId, practiceId, HoldType.RETURNED_MAIL, UNDELIVERABLE_NOTE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt corrected(UUID patientId, String practiceId, PostalAddress address, long version) {
        return applyKnown(patientId, practiceId, version,
                () -> patients.corrected(patientId, address, version, clock.instant()),
                () -> holds.addressCorrected(patientId, practiceId));
    }

    /**
     * The duplicate is retired into the survivor (both must be known: the merge travels under the survivor's
     * key and may overtake the duplicate's registration). Payments moves the money (the balances follow from
     * its events); the duplicate's open holds move to the survivor's account when it is known.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt merged(UUID survivorId, long survivorVersion, UUID duplicateId, long duplicateVersion, String practiceId) {
        if (patients.find(survivorId).isEmpty() || patients.find(duplicateId).isEmpty()) {
            return Learnt.NOT_YET_KNOWN;
        }
        Written survivor = patients.bump(survivorId, survivorVersion, clock.instant());
        Written duplicate = patients.merged(duplicateId, survivorId, duplicateVersion, clock.instant());
        if (duplicate == Written.APPLIED) {
            String practice = practiceOf(survivorId, practiceId);
            List<Account> to = accounts.ofPatient(survivorId, practice);
            for (Account from : accounts.ofPatient(duplicateId, practice)) {
                if (!to.isEmpty()) {
                    accounts.markMerged(from.id(), to.get(0).id(), clock.instant());
                    holdStore.move(from.id(), to.get(0).id(), survivorId);
                }
            }
        }
        return survivor == Written.APPLIED || duplicate == Written.APPLIED ? Learnt.APPLIED : Learnt.ALREADY_NEWER;
    }

    private String practiceOf(UUID patientId, String practiceId) {
        return practiceId != null ? practiceId : patients.find(patientId).map(p -> p.facts().practiceId()).orElse(null);
    }

    private static Learnt outcome(Written written) {
        return switch (written) {
            case APPLIED -> Learnt.APPLIED;
            case STALE -> Learnt.ALREADY_NEWER;
            case UNKNOWN -> Learnt.NOT_YET_KNOWN;
        };
    }
}
