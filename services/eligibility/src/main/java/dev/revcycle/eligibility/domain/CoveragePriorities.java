package dev.revcycle.eligibility.domain;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.Reason;
import java.util.Map;
import java.util.Collection;
import java.util.UUID;

/** A patient has at most one active coverage per priority: one primary, one secondary, one tertiary. */
public final class CoveragePriorities {
    /** Two active coverages of one patient with the same priority. */
    public static final Reason TAKEN = new Reason("coverage-priority-taken",
            "The patient already has an active coverage of this priority");

    private CoveragePriorities() {
    }

    /**
     * @param patientsCoverages the patient's coverages (any status)
     * @param priority          the priority wanted
     * @param self              the coverage asking (when it changes priority), or null for a new one
     * @throws Conflict ({@link #TAKEN}) naming the active coverage that already holds the priority
     */
    public static void requireFree(Collection<Coverage> patientsCoverages, Priority priority, UUID self) {
        for (Coverage other : patientsCoverages) {
            if (other.isActive() && other.priority() == priority && !other.id().equals(self)) {
                throw new Conflict(TAKEN, "The patient already has an active " + priority.name().toLowerCase(java.util.Locale.ROOT)
                        + " coverage; terminate it first or choose another priority", Map.of("existingCoverageId", other.id()));
            }
        }
    }
}
