package dev.revcycle.claims.app;

import dev.revcycle.claims.store.AdjudicationRepository;
import dev.revcycle.claims.store.AdjudicationRepository.Cursor;
import dev.revcycle.claims.store.AdjudicationRepository.Denial;
import dev.revcycle.claims.store.AdjudicationRepository.StoredAdjudication;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading what payers said: a claim's adjudications (newest first, with lines and adjustments) and the
 * denials work queue — DENIED and PARTIALLY_PAID claims with denial adjustments, the largest
 * denied amount × age first. Audited like every claim read.
 */
@ApplicationScoped
public class FindingAdjudications {
    @Inject
    FindingClaims claims;

    @Inject
    AdjudicationRepository store;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    /** A claim's adjudications, newest first; another practice's claim or none → 404. */
    @Transactional
    public List<StoredAdjudication> of(Caller caller, UUID claimId) {
        ClaimRepository.Stored s = claims.visible(caller, claimId, AuditAction.READ, false);
        audit.success(caller, AuditAction.READ, FindingClaims.CLAIM.auditName(), claimId, s.claim().practiceId());
        return store.ofClaim(claimId);
    }

    /** The filters of GET /denials; null = any. */
    public record Query(String practiceId, UUID payerId, String carc) {
    }

    /** One entry of the queue: the denial, its priority (amount × age) and its age in days. */
    public record QueuedDenial(Denial denial, BigDecimal priority, long ageDays) {
        @Override
        public String toString() {
            return "QueuedDenial[" + denial.claimId() + "]";
        }
    }

    public record DenialPage(List<QueuedDenial> items, int size, String next) {
        public boolean hasMore() {
            return next != null;
        }
    }

    @Transactional
    public DenialPage denials(Caller caller, Query q, int size, String afterText) {
        Cursor after = null;
        if (afterText != null && !afterText.isBlank()) {
            after = Cursor.decode(afterText.strip());
            if (after == null) {
                throw Violations.of("after", "must be the next of a page of this list");
            }
        }
        AdjudicationRepository.DenialSlice found = store.denials(new AdjudicationRepository.DenialFilter(
                caller.practicesWithin(q.practiceId()), q.payerId(), q.carc()), size, after);
        audit.successEach(caller, AuditAction.SEARCH, FindingClaims.CLAIM.auditName(), found.items(), Denial::claimId,
                Denial::practiceId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<UUID, BigDecimal> priorities = found.priorities();
        return new DenialPage(found.items().stream().map(d -> new QueuedDenial(d, priorities.get(d.claimId()),
                Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(d.deniedOn(), today)))).toList(), size,
                found.next() == null ? null : found.next().encode());
    }

    /** The queue's priorities as of today (after midnight, and at start-up): the number of entries moved. */
    @Transactional
    public int refreshPriorities() {
        return store.refreshPriorities(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
