package dev.revcycle.claims.app;

import dev.revcycle.claims.store.SubmissionBatchRepository;
import dev.revcycle.claims.x12.Ack277CA;
import dev.revcycle.claims.x12.Acknowledgement;
import dev.revcycle.claims.x12.AcknowledgementDecisions;
import dev.revcycle.claims.x12.AcknowledgementException;
import dev.revcycle.claims.x12.AcknowledgementReader;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Applies a 999 or 277CA to our claims, from {@code POST /acknowledgements} or the mailbox, in the caller's
 * transaction: records the file by its SHA-256 digest first (the same file again changes nothing and says so),
 * reads it, decides per claim ({@link AcknowledgementDecisions}) and applies each decision through the claims
 * core ({@link ClaimLifecycle}).
 */
@ApplicationScoped
public class ApplyingAcknowledgements {
    public static final Reason UNREADABLE = new Reason("unreadable-acknowledgement",
            "The file is not a readable 999 or 277CA");

    /** What a file did: {@code duplicate} when it had been applied before (nothing changed). */
    public record Applied(String digest, String fileType, boolean duplicate, List<AcknowledgementDecisions.Decision> decisions,
                          List<String> unmatched) {
    }

    @Inject
    Instance<ClaimLifecycle> lifecycle;

    @Inject
    SubmissionBatchRepository batches;

    @Inject
    Clock clock;

    private final AcknowledgementReader reader = new AcknowledgementReader();

    /** @throws Unprocessable when the file cannot be read (the message names segments, never values) */
    // an unreadable file is a refusal, not a failure: the mailbox's transaction records it as such
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = Unprocessable.class)
    public Applied apply(String x12, String source, String actor) {
        String digest = digest(x12);
        Acknowledgement ack;
        try {
            ack = reader.read(x12);
        } catch (AcknowledgementException e) {
            throw new Unprocessable(UNREADABLE, e.getMessage());
        }
        if (lifecycle.isUnsatisfied()) {
            throw new Unprocessable(SubmittingClaims.UNAVAILABLE, "The claims core is not in this build.");
        }
        ClaimLifecycle claims = lifecycle.get();
        String type = ack instanceof Ack277CA ? "277CA" : "999";
        if (!batches.recordAcknowledgement(digest, type, ack.senderId(), ack.interchangeControlNumber(), source, actor,
                clock.instant())) {
            return new Applied(digest, type, true, List.of(), List.of());
        }
        AcknowledgementDecisions.Result result = AcknowledgementDecisions.decide(ack, batches::transactionsOfGroup,
                claims::claimAwaitingAcknowledgement);
        for (AcknowledgementDecisions.Decision decision : result.decisions()) {
            claims.apply(actor, decision);
        }
        batches.acknowledgementOutcome(digest, result.decisions().size(), result.unmatched());
        return new Applied(digest, type, false, result.decisions(), result.unmatched());
    }

    static String digest(String x12) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((x12 == null ? "" : x12.trim()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
