package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.scrub.Finding;
import dev.revcycle.claims.scrub.ScrubContext;
import dev.revcycle.claims.scrub.ScrubResult;
import dev.revcycle.claims.scrub.ScrubRule;
import dev.revcycle.claims.scrub.Scrubber;
import dev.revcycle.claims.store.SubmittedClaimsRepository;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scrubs a DRAFT or READY claim: clean (no errors) → READY; errors → DRAFT (a READY claim goes
 * back, a DRAFT stays), the history saying which rules failed (their ids, never the claim's values).
 */
@ApplicationScoped
public class ScrubbingClaims {
    public static final Reason NOT_SCRUBBABLE = new Reason("claim-not-scrubbable",
            "Only DRAFT and READY claims are scrubbed");

    private final Scrubber scrubber = new Scrubber();

    @Inject
    BillableClaims billable;

    @Inject
    ClaimTransitions transitions;

    @Inject
    SubmittedClaimsRepository submitted;

    @Inject
    Clock clock;

    /** The outcome: what the scrubber found and the claim's status after it. */
    public record Outcome(ScrubResult result, Claim claim) {
    }

    @Transactional
    public Outcome scrub(Caller caller, UUID claimId) {
        BillableClaim claim = billable.load(caller, claimId);
        ClaimStatus status = claim.claim().status();
        if (status != ClaimStatus.DRAFT && status != ClaimStatus.READY) {
            throw new Unprocessable(NOT_SCRUBBABLE, "A " + status + " claim is not scrubbed; only DRAFT and READY claims are",
                    Map.of("status", status.name()));
        }
        ScrubResult result = scrubber.scrub(claim, new ScrubContext(LocalDate.now(clock), submitted));
        Claim after;
        if (result.clean()) {
            after = status == ClaimStatus.READY ? claim.claim() : transitions.markReady(claimId, caller.subject());
        } else {
            String reason = "scrub found " + result.errors().size() + " error(s): "
                    + result.errors().stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", "));
            if (status == ClaimStatus.READY) {
                after = transitions.backToDraft(claimId, caller.subject(), reason);
            } else {
                transitions.record(claimId, ClaimTransitions.SOURCE_SCRUB, null, null, reason, caller.subject());
                after = claim.claim();
            }
        }
        return new Outcome(result, after);
    }

    public List<ScrubRule> rules() {
        return scrubber.rules();
    }
}
