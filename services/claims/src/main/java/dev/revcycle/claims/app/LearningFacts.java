package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.EligibilityFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.store.ReadModelRepository;
import dev.revcycle.claims.store.ReadModelRepository.Written;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps claims' read model from patients' and eligibility's events, inside the inbox's transaction.
 * Version-guarded: an event not newer than what a row reflects changes nothing; an event about a
 * patient or coverage not known yet is retried (its registration has not arrived).
 */
@ApplicationScoped
public class LearningFacts {
    /** What became of an event. */
    public enum Learnt { APPLIED, ALREADY_NEWER, NOT_YET_KNOWN }

    @Inject
    ReadModelRepository readModel;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt patient(PatientFacts facts) {
        return of(readModel.upsertPatient(facts, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt merged(UUID survivorId, long survivorVersion, UUID duplicateId, long duplicateVersion) {
        Written survivor = readModel.bumpPatientVersion(survivorId, survivorVersion, clock.instant());
        if (survivor == Written.UNKNOWN) {
            return Learnt.NOT_YET_KNOWN;
        }
        Written duplicate = readModel.markMerged(duplicateId, survivorId, duplicateVersion, clock.instant());
        if (duplicate == Written.UNKNOWN) {
            return Learnt.NOT_YET_KNOWN;
        }
        return survivor == Written.APPLIED || duplicate == Written.APPLIED ? Learnt.APPLIED : Learnt.ALREADY_NEWER;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt deceased(UUID patientId, LocalDate dateOfDeath, long version) {
        return of(readModel.markDeceased(patientId, dateOfDeath, version, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt addressUndeliverable(UUID patientId, long version) {
        return of(readModel.markAddressUndeliverable(patientId, version, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt addressCorrected(UUID patientId, PostalAddress address, long version) {
        return of(readModel.correctAddress(patientId, address, version, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt coverage(CoverageFacts facts) {
        return of(readModel.upsertCoverage(facts, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt coverageTerminated(UUID coverageId, LocalDate terminationDate, long version) {
        return of(readModel.terminateCoverage(coverageId, terminationDate, version, clock.instant()));
    }

    /** The newest check of a coverage replaces the one kept (a check never changes once made). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Learnt eligibility(EligibilityFacts facts, dev.revcycle.claims.domain.pricing.CheckedBenefits benefits, UUID patientId, String practiceId) {
        readModel.upsertEligibility(facts, benefits, patientId, practiceId, clock.instant());
        return Learnt.APPLIED;
    }

    private static Learnt of(Written w) {
        return switch (w) {
            case APPLIED -> Learnt.APPLIED;
            case STALE -> Learnt.ALREADY_NEWER;
            case UNKNOWN -> Learnt.NOT_YET_KNOWN;
        };
    }
}
