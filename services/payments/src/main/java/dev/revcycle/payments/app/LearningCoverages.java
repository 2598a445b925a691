package dev.revcycle.payments.app;

import dev.revcycle.payments.store.CoverageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;

/** Keeps the coverages read model from eligibility's events, version-guarded per coverage. */
@ApplicationScoped
public class LearningCoverages {
    @Inject
    CoverageStore store;

    @Transactional
    public boolean learn(UUID id, UUID patientId, String practiceId, String x12PayerId, String priority,
                         LocalDate effective, LocalDate termination, long version) {
        return store.upsertNewer(id, patientId, practiceId, x12PayerId, priority, effective, termination, version);
    }

    /** @return false when the coverage is not known or already newer (a termination before its addition is stale) */
    @Transactional
    public boolean terminated(UUID id, LocalDate termination, long version) {
        return store.terminate(id, termination, version);
    }
}
