package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.events.CollectionEvents;
import dev.revcycle.collections.store.HoldStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A hold with an end date stops holding the day after it; this job then releases it (reason EXPIRED,
 * {@code CollectionHoldReleased} through the outbox), so that the end is on the account's record and on the topic.
 * Daily (00:05, {@code revcycle.holds.expiry-cron}) and once at startup (a day missed while the service was down);
 * idempotent: a hold is released once (the release is conditional on it being open), one short transaction per hold.
 */
@ApplicationScoped
public class ExpiringHolds {
    private static final Logger LOG = Logger.getLogger(ExpiringHolds.class);
    static final String ACTOR = "hold-expiry";
    static final String NOTE = "its end date passed";

    @Inject
    HoldStore store;

    @Inject
    CollectionEvents events;

    @Inject
    Clock clock;

    @ConfigProperty(name = "revcycle.holds.expire-on-start", defaultValue = "true")
    boolean onStart;

    void start(@Observes StartupEvent event) {
        if (onStart) {
            CompletableFuture.runAsync(this::daily);
        }
    }

    @Scheduled(cron = "{revcycle.holds.expiry-cron:0 5 0 * * ?}", identity = "hold-expiry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            int released = expire(LocalDate.now(clock));
            if (released > 0) {
                LOG.infof("holds: %d released after their end date", released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("hold expiry failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** Releases every open hold whose end date is before {@code today}; answers how many it released. */
    public int expire(LocalDate today) {
        int released = 0;
        LocalDate afterUntil = LocalDate.of(1900, 1, 1);
        UUID afterId = new UUID(0, 0);
        while (true) {
            LocalDate u = afterUntil;
            UUID a = afterId;
            List<Hold> page = QuarkusTransaction.requiringNew().call(() -> store.expired(today, u, a));
            for (Hold hold : page) {
                if (QuarkusTransaction.requiringNew().call(() -> release(hold))) {
                    released++;
                }
            }
            if (page.size() < HoldStore.EXPIRED_PAGE) {
                return released;
            }
            afterUntil = page.get(page.size() - 1).until();
            afterId = page.get(page.size() - 1).id();
        }
    }

    private boolean release(Hold hold) {
        Instant now = clock.instant();
        if (!store.release(hold.id(), now, ACTOR, Hold.EXPIRED, NOTE, null, null)) {
            return false;  // released meanwhile (by a collector, or another instance's job)
        }
        events.holdReleased(hold, Hold.EXPIRED, null, now);
        return true;
    }
}
