package dev.revcycle.claims.app;

import dev.revcycle.claims.store.SubmissionBatchRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Resolves submission batches left SENDING: the service stopped between its two transactions, or the second
 * one failed after the clearinghouse call. On startup and every {@code revcycle.submission.sweep-interval}, a
 * batch SENDING for longer than {@code revcycle.submission.sending-timeout} (10 minutes: far beyond the
 * clearinghouse's connect and read timeouts, so never a live submission) is marked FAILED and each of its
 * claims — still READY, since SUBMITTED is only set together with SENT — gets a history row saying so. The
 * claims are no longer blocked by the 409 and the biller sends them in a new batch.
 *
 * <p>Not resent: the clearinghouse may have taken the file, and the payer sandbox (like many clearinghouses)
 * does not refuse an interchange control number it has seen, so a resend could have the claims adjudicated
 * twice. A biller rather sees "not confirmed" on the batch and in each claim's history, and the reason tells
 * them to check the clearinghouse's acknowledgements before sending them again. A 999 that names a FAILED
 * batch later matches no claim (it is recorded as unmatched), never moving a READY claim.
 *
 * <p>Each batch in its own transaction, locked with {@code FOR UPDATE SKIP LOCKED}, so two instances never
 * resolve the same batch; the live submission's second transaction marks SENT only a batch still SENDING.
 */
@ApplicationScoped
public class ResolvingStaleBatches {
    public static final String SOURCE = "submission";
    public static final String ACTOR = "system:batch-sweeper";
    private static final Logger LOG = Logger.getLogger(ResolvingStaleBatches.class);
    private static final int MOST_PER_ROUND = 100;

    @ConfigProperty(name = "revcycle.submission.sending-timeout", defaultValue = "10m")
    Duration sendingTimeout;

    @ConfigProperty(name = "revcycle.submission.sweep-interval", defaultValue = "60s")
    Duration interval;

    @ConfigProperty(name = "revcycle.submission.sweeper.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    SubmissionBatchRepository batches;

    @Inject
    Instance<ClaimLifecycle> lifecycle;

    @Inject
    Clock clock;

    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        if (!enabled || lifecycle.isUnsatisfied()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "submission-batch-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1_000, interval.toMillis());
        // the first round right after startup: what a stopped instance left behind
        scheduler.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void tick() {
        try {
            int resolved = resolveOnce();
            if (resolved > 0) {
                LOG.warnf("%d submission batch(es) left SENDING marked FAILED", resolved);
            }
        } catch (RuntimeException e) {
            LOG.warnf("submission batch sweep failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** One round now (also for tests): the number of batches marked FAILED. */
    public int resolveOnce() {
        if (lifecycle.isUnsatisfied()) {
            return 0;
        }
        ClaimLifecycle claims = lifecycle.get();
        int resolved = 0;
        while (resolved < MOST_PER_ROUND) {
            boolean one = QuarkusTransaction.requiringNew().call(() -> {
                SubmissionBatchRepository.StaleBatch stale = batches.lockOneStale(clock.instant().minus(sendingTimeout));
                if (stale == null) {
                    return false;
                }
                String reason = "Submission batch " + stale.id() + " (interchange " + String.format("%09d", stale.interchangeNumber())
                        + ") was not confirmed within " + minutes(sendingTimeout) + ": the service stopped or the "
                        + "clearinghouse did not answer while it was being sent. The clearinghouse may have received it: "
                        + "check its acknowledgements (999, 277CA) for that interchange before sending the claims again.";
                batches.markFailed(stale.id(), reason);
                for (var claimId : stale.claimIds()) {
                    claims.record(ACTOR, claimId, SOURCE, "Batch " + stale.id() + " not confirmed; the claim is back in "
                            + "the READY queue. Check the clearinghouse's acknowledgements of interchange "
                            + String.format("%09d", stale.interchangeNumber()) + " before sending it again.");
                }
                return true;
            });
            if (!one) {
                break;
            }
            resolved++;
        }
        return resolved;
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 1 ? m + (m == 1 ? " minute" : " minutes") : d.toSeconds() + " seconds";
    }
}
