package dev.revcycle.payments.app;

import dev.revcycle.payments.store.CoverageStore;
import dev.revcycle.payments.store.CoverageStore.KnownCoverage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The "next payer" rule of remittance posting: does another payer follow the one that just paid? The
 * coverages come from eligibility's events (CoverageAdded/Changed/Terminated); priorities PRIMARY &lt;
 * SECONDARY &lt; TERTIARY.
 */
@ApplicationScoped
public class Coverages {
    @Inject
    CoverageStore store;

    /**
     * @param paidBy the priority of the coverage that paid (PRIMARY, SECONDARY, TERTIARY) or that payer's
     *               X12 payer id (as an 835's N1*PR/REF*2U names it); unknown → the payer is taken as PRIMARY
     * @return whether the patient has an active coverage of lower priority (later in order) on {@code serviceDate}
     */
    @Transactional
    public boolean hasLowerPriorityActiveCoverage(UUID patientId, String practiceId, String paidBy, LocalDate serviceDate) {
        List<KnownCoverage> coverages = store.ofPatient(patientId, practiceId);
        int paid = rank(paidBy);
        if (paid < 0) {
            paid = coverages.stream().filter(c -> paidBy != null && paidBy.equals(c.x12PayerId()) && c.activeOn(serviceDate))
                    .mapToInt(c -> rank(c.priority())).min().orElse(0);
        }
        int paidRank = paid;
        return coverages.stream().anyMatch(c -> c.activeOn(serviceDate) && rank(c.priority()) > paidRank);
    }

    static int rank(String priority) {
        if (priority == null) {
            return -1;
        }
        return switch (priority) {
            case "PRIMARY" -> 0;
            case "SECONDARY" -> 1;
            case "TERTIARY" -> 2;
            default -> -1;
        };
    }
}
