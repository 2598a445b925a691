package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.store.SubmissionBatchRepository;
import dev.revcycle.claims.x12.Claim837Writer;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends READY claims to the clearinghouse as one 837 interchange. Two short transactions and none open
 * during HTTP: the first checks the claims, writes the file and stores the batch (SENDING); then the
 * clearinghouse; the second marks the batch SENT and the claims SUBMITTED (ClaimSubmitted), or the batch
 * FAILED with the reason — its claims stay READY and go in a new batch (a FAILED batch is kept, with its
 * file, for the record; its control numbers are never reused).
 */
@ApplicationScoped
public class SubmittingClaims {
    public static final Reason NOT_READY = new Reason("claims-not-ready", "Only READY claims can be submitted");
    public static final Reason SELF_PAY = new Reason("self-pay-claims", "Self-pay claims have no payer to send them to");
    public static final Reason UNAVAILABLE = new Reason("submission-unavailable",
            "Submission is not available: the claims core is not installed in this build");
    public static final Reason IN_FLIGHT = new Reason("claims-being-submitted",
            "These claims are being submitted in another batch");
    public static final int MAX_CLAIMS = 5_000;
    private static final Logger LOG = Logger.getLogger(SubmittingClaims.class);

    @Inject
    Instance<ClaimLifecycle> lifecycle;

    @Inject
    SubmissionBatchRepository batches;

    @Inject
    Claim837Writer writer;

    @Inject
    Clearinghouse clearinghouse;

    @Inject
    Clock clock;

    private record Prepared(UUID batchId, String x12, List<UUID> claimIds) {
    }

    public SubmissionBatchView submit(Caller caller, List<UUID> claimIds) {
        List<UUID> ids = checked(claimIds);
        ClaimLifecycle claims = lifecycle();
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(caller, claims, ids));
        Clearinghouse.Submission sent = clearinghouse.send837(prepared.x12());
        return QuarkusTransaction.requiringNew().call(() -> {
            if (sent.taken()) {
                if (!batches.markSent(prepared.batchId(), sent.fileIds(), clock.instant())) {
                    // the sweeper gave it up first (this transaction came more than the sending timeout late):
                    // its claims are READY again with that in their history; an operator reconciles
                    LOG.errorf("submission batch %s was taken by the clearinghouse after it had been marked FAILED",
                            prepared.batchId());
                    return batches.find(prepared.batchId()).orElseThrow();
                }
                for (UUID claimId : prepared.claimIds()) {
                    claims.markSubmitted(caller, claimId, prepared.batchId());
                }
            } else {
                LOG.warnf("submission batch %s: %s", prepared.batchId(), sent.failure());
                batches.markFailed(prepared.batchId(), sent.failure());
            }
            return batches.find(prepared.batchId()).orElseThrow();
        });
    }

    private Prepared prepare(Caller caller, ClaimLifecycle claims, List<UUID> ids) {
        List<BillableClaim> found = claims.billable(ids).stream()
                .filter(c -> caller.canSee(c.claim().practiceId())).toList();
        Set<String> practices = new LinkedHashSet<>();
        found.forEach(c -> practices.add(c.claim().practiceId()));
        // an unknown claim, one of a practice the caller may not see, or claims of two practices: 404 for the batch
        if (found.size() != ids.size() || practices.size() != 1) {
            throw new NotFound("Claim");
        }
        List<String> notReady = found.stream().filter(c -> c.claim().status() != ClaimStatus.READY)
                .map(c -> c.claim().id() + " (" + c.claim().status() + ")").toList();
        if (!notReady.isEmpty()) {
            throw new Unprocessable(NOT_READY, "These claims are not READY: " + String.join(", ", notReady)
                    + ". Scrub them first (POST /claims/{id}/scrub).", Map.of("claims", notReady));
        }
        List<String> selfPay = found.stream().filter(c -> c.coverage() == null).map(c -> c.claim().id().toString()).toList();
        if (!selfPay.isEmpty()) {
            throw new Unprocessable(SELF_PAY, "These claims are self-pay: " + String.join(", ", selfPay),
                    Map.of("claims", selfPay));
        }
        List<UUID> inFlight = batches.lockAndFindInFlight(ids);
        if (!inFlight.isEmpty()) {
            List<String> named = inFlight.stream().map(UUID::toString).toList();
            throw new Conflict(IN_FLIGHT, "These claims are in a batch being sent: " + String.join(", ", named),
                    Map.of("claims", named));
        }
        Claim837Writer.Written written = writer.write(batches::nextControlNumber, found);
        UUID batchId = UUID.randomUUID();
        BigDecimal total = found.stream().map(c -> c.claim().totalCharge()).reduce(BigDecimal.ZERO, BigDecimal::add);
        batches.insert(batchId, practices.iterator().next(), written, total, caller.subject(), clock.instant());
        List<UUID> inFile = new ArrayList<>();
        written.transactions().forEach(t -> inFile.addAll(t.claimIds()));
        return new Prepared(batchId, written.x12(), inFile);
    }

    public SubmissionBatchView find(Caller caller, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> batches.find(id)
                .filter(b -> caller.canSee(b.practiceId())).orElseThrow(() -> new NotFound("Submission batch")));
    }

    public String x12(Caller caller, UUID id) {
        find(caller, id);
        return QuarkusTransaction.requiringNew().call(() -> batches.x12(id).orElseThrow(() -> new NotFound("Submission batch")));
    }

    private ClaimLifecycle lifecycle() {
        if (lifecycle.isUnsatisfied()) {
            throw new Unprocessable(UNAVAILABLE, "The claims core (claims, status transitions) is not in this build.");
        }
        return lifecycle.get();
    }

    private static List<UUID> checked(List<UUID> claimIds) {
        List<FieldError> errors = new ArrayList<>();
        if (claimIds == null || claimIds.isEmpty()) {
            errors.add(new FieldError("claimIds", "must list at least one claim"));
        } else {
            if (claimIds.size() > MAX_CLAIMS) {
                errors.add(new FieldError("claimIds", "at most " + MAX_CLAIMS + " claims per batch"));
            }
            for (int i = 0; i < claimIds.size(); i++) {
                if (claimIds.get(i) == null) {
                    errors.add(new FieldError("claimIds[" + i + "]", "is required"));
                }
            }
            if (new LinkedHashSet<>(claimIds).size() != claimIds.size()) {
                errors.add(new FieldError("claimIds", "lists a claim twice"));
            }
        }
        Violations.check(errors);
        return List.copyOf(claimIds);
    }
}
