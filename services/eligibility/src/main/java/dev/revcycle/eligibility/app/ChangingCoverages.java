package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.domain.StaleVersion;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoveragePriorities;
import dev.revcycle.eligibility.domain.CoverageTerms;
import dev.revcycle.eligibility.events.CoverageEvents;
import dev.revcycle.eligibility.store.CoverageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Corrections to a coverage (CoverageChanged) and its termination (CoverageTerminated). */
@ApplicationScoped
public class ChangingCoverages {
    @Inject
    CoverageRepository coverages;

    @Inject
    FindingCoverages finding;

    @Inject
    CoverageEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    /**
     * @param expectedVersion the version the client read (If-Match), or null to change whatever is current
     * @param change          the new terms from the current ones (a JSON merge patch, applied by the API)
     */
    @Transactional
    public CoverageView change(Caller caller, UUID id, Long expectedVersion, UnaryOperator<CoverageTerms> change) {
        Coverage coverage = lockVisible(caller, id, AuditAction.UPDATE);
        StaleVersion.require(expectedVersion, coverage.version(), "coverage");
        LocalDate today = LocalDate.now(clock);
        CoverageTerms terms = Violations.checked(change.apply(coverage.terms()).normalized(), t -> t.violations(today));
        if (terms.priority() != coverage.priority()) {
            CoveragePriorities.requireFree(coverages.ofPatient(coverage.patientId()), terms.priority(), coverage.id());
        }
        List<String> changed = coverage.change(terms, clock.instant());
        if (!changed.isEmpty()) {
            events.changed(coverage, changed);
        }
        audit.success(caller, AuditAction.UPDATE, FindingCoverages.COVERAGE.auditName(), id, coverage.practiceId());
        PriorityGuard.flush(coverages);
        return CoverageView.of(coverage);
    }

    /** Ends the coverage on its last covered day; the same day again changes nothing. */
    @Transactional
    public CoverageView terminate(Caller caller, UUID id, LocalDate lastCoveredDay) {
        Violations.required("terminationDate", lastCoveredDay);
        Coverage coverage = lockVisible(caller, id, AuditAction.UPDATE);
        if (coverage.terminate(lastCoveredDay, clock.instant())) {
            events.terminated(coverage);
        }
        audit.success(caller, AuditAction.UPDATE, FindingCoverages.COVERAGE.auditName(), id, coverage.practiceId());
        coverages.flush();
        return CoverageView.of(coverage);
    }

    /** Locks the patient's coverages (the same lock as adding one), then the coverage's row. */
    private Coverage lockVisible(Caller caller, UUID id, AuditAction action) {
        Coverage unlocked = finding.visible(caller, id, action);
        coverages.lockPatient(unlocked.patientId());
        coverages.getEntityManager().refresh(unlocked, LockModeType.PESSIMISTIC_WRITE);
        return unlocked;
    }
}
