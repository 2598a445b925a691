package dev.revcycle.eligibility.app;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.eligibility.domain.CoveragePriorities;
import dev.revcycle.eligibility.store.CoverageRepository;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The database's own guard against two active coverages of one priority. Behind the patient's
 * advisory lock it only fires if that lock is bypassed; it is then the same refusal as the
 * domain's. Any other constraint is unexpected and stays a 500.
 */
final class PriorityGuard {
    static final String CONSTRAINT = "coverage_one_active_per_priority";

    private PriorityGuard() {
    }

    static void flush(CoverageRepository coverages) {
        try {
            coverages.flush();
        } catch (RuntimeException e) {
            // Hibernate may hand it over as is or wrapped in a PersistenceException
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation && CONSTRAINT.equals(violation.getConstraintName())) {
                    throw new Conflict(CoveragePriorities.TAKEN, "The patient already has an active coverage of this priority");
                }
            }
            throw e;
        }
    }
}
