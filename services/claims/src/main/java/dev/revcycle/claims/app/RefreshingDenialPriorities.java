package dev.revcycle.claims.app;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the denials queue's order true as days pass: its sort key is denied amount × age, stored per entry
 * as of a day; on startup and every {@code revcycle.denials.refresh-interval} (1 h) the entries of an
 * earlier day are brought to today (one UPDATE through the {@code claim_denial_stale} index; nothing to do
 * within a day).
 */
@ApplicationScoped
public class RefreshingDenialPriorities {
    private static final Logger LOG = Logger.getLogger(RefreshingDenialPriorities.class);

    @ConfigProperty(name = "revcycle.denials.refresh-interval", defaultValue = "1h")
    Duration interval;

    @ConfigProperty(name = "revcycle.denials.refresh.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    FindingAdjudications adjudications;

    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "denial-priorities");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, Math.max(60_000, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void tick() {
        try {
            int moved = adjudications.refreshPriorities();
            if (moved > 0) {
                LOG.infof("denials queue: %d entries brought to today's priority", moved);
            }
        } catch (RuntimeException e) {
            LOG.warnf("denials queue refresh failed (%s)", e.getClass().getSimpleName());
        }
    }
}
