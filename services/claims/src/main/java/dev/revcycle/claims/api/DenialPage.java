package dev.revcycle.claims.api;

import dev.revcycle.claims.app.FindingAdjudications;
import dev.revcycle.claims.domain.adjudication.DenialActions;
import dev.revcycle.claims.domain.adjudication.ReasonCodes;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice;
import dev.revcycle.claims.store.AdjudicationRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the denials work queue, the largest denied amount × age first. {@code next} (present while
 * {@code hasMore}) is the {@code after} of the next page; no total (a queue is worked from its head).
 */
public record DenialPage(List<Item> items, int size, boolean hasMore,
                         @Schema(description = "The `after` of the next page; absent at the end of the queue") String next) {

    /** One denial adjustment, its rule of the DenialActions table and the next action. */
    public record Reason(String groupCode, String reasonCode, String remarkCode, BigDecimal amount,
                         @Schema(description = "The service line it is on; absent for the claim level") Integer lineNumber,
                         @Schema(description = "The group and CARC in words") String text, String rule,
                         @Schema(implementation = DenialActions.Action.class) String action, String actionText) {
        static Reason of(AdjudicationRepository.StoredReason r) {
            RemittanceAdvice.Adjustment a = new RemittanceAdvice.Adjustment(r.groupCode(), r.reasonCode(), r.remarkCode(),
                    r.amount());
            DenialActions.Rule rule = DenialActions.ruleFor(a);
            return new Reason(r.groupCode(), r.reasonCode(), r.remarkCode(), r.amount(), r.lineNumber(),
                    ReasonCodes.describe(a), rule.id(), rule.action().name(), rule.action().text());
        }
    }

    public record Item(UUID claimId, String practiceId, UUID payerId, String patientControlNumber,
                       String payerClaimControlNumber,
                       @Schema(enumeration = {"DENIED", "PARTIALLY_PAID"}) String status, BigDecimal deniedAmount,
                       @Schema(description = "The 835's paid date (BPR16), else the day it arrived") LocalDate deniedOn,
                       long ageDays,
                       @Schema(description = "The sort key: deniedAmount × (ageDays + 1)") BigDecimal priority,
                       List<Reason> reasons,
                       @Schema(implementation = DenialActions.Action.class) String suggestedAction,
                       String suggestedActionText) {
        static Item of(FindingAdjudications.QueuedDenial q) {
            AdjudicationRepository.Denial d = q.denial();
            DenialActions.Action action = DenialActions.Action.valueOf(d.suggestedAction());
            return new Item(d.claimId(), d.practiceId(), d.payerId(), d.patientControlNumber(),
                    d.payerClaimControlNumber(), d.status().name(), d.deniedAmount(), d.deniedOn(), q.ageDays(),
                    q.priority(), d.reasons().stream().map(Reason::of).toList(), action.name(), action.text());
        }
    }
}
