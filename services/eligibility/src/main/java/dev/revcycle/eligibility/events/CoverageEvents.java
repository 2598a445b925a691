package dev.revcycle.eligibility.events;

import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageChanged;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.contracts.eligibility.CoverageTerminated;
import dev.revcycle.contracts.eligibility.Subscriber;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoverageTerms;
import dev.revcycle.eligibility.domain.Payer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Turns what happened to a coverage into the contract events of {@code revcycle.eligibility.events.v1}
 * and writes them to the outbox, in the caller's transaction. Keyed by patient id, so that one
 * patient's coverage events stay in order. Each carries the coverage's version after it (from 1,
 * increasing with every event of the coverage), by which consumers apply them.
 */
@ApplicationScoped
public class CoverageEvents {
    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    public void added(Coverage c) {
        outbox.publish(Topics.ELIGIBILITY, EventTypes.COVERAGE_ADDED, key(c), new CoverageAdded(details(c), c.version()));
    }

    public void changed(Coverage c, List<String> changedFields) {
        outbox.publish(Topics.ELIGIBILITY, EventTypes.COVERAGE_CHANGED, key(c),
                new CoverageChanged(List.copyOf(changedFields), details(c), versionAfterChange(c)));
    }

    public void terminated(Coverage c) {
        outbox.publish(Topics.ELIGIBILITY, EventTypes.COVERAGE_TERMINATED, key(c),
                new CoverageTerminated(c.id(), c.patientId(), c.practiceId(), c.terminationDate(),
                        versionAfterChange(c)));
    }

    /**
     * The coverage's version once the change just made is written (Hibernate increments it when it
     * flushes the changed record; if nothing was written, it is incremented here so that no two
     * events of a coverage share a version).
     */
    private long versionAfterChange(Coverage c) {
        long before = c.version();
        em.flush();
        if (c.version() == before) {
            // the row is locked by the use case; re-read it so the entity holds the new version
            em.createQuery("UPDATE Coverage x SET x.version = x.version + 1 WHERE x.id = :id")
                    .setParameter("id", c.id()).executeUpdate();
            em.refresh(c);
        }
        return c.version();
    }

    private static String key(Coverage c) {
        return c.patientId().toString();
    }

    static CoverageDetails details(Coverage c) {
        CoverageTerms t = c.terms();
        Payer p = c.payer();
        Subscriber subscriber = t.subscriber() == null ? null
                : new Subscriber(t.subscriber().firstName(), t.subscriber().lastName(), t.subscriber().dateOfBirth());
        return new CoverageDetails(c.id(), c.patientId(), c.practiceId(),
                new CoveragePayer(p.id(), p.name(), p.payerType().name(), p.x12PayerId(), p.timelyFilingDays()),
                t.memberId(), t.groupNumber(), t.planName(), t.priority().name(), t.subscriberRelationship().name(),
                subscriber, t.effectiveDate(), t.terminationDate(),
                t.medicareSecondaryType() == null ? null : t.medicareSecondaryType().name());
    }
}
