package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.HistoryEntry;
import dev.revcycle.claims.store.ClaimHistoryRepository;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reading claims, the work queues and a claim's history; every claim handed out is audited. */
@ApplicationScoped
public class FindingClaims {
    public static final RecordType CLAIM = new RecordType("claim", "Claim");

    @Inject
    ClaimRepository claims;

    @Inject
    ClaimHistoryRepository history;

    @Inject
    RecordAccess access;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    /** The filters of GET /claims; null = any. */
    public record Query(String practiceId, ClaimStatus status, UUID payerId, UUID patientId, LocalDate serviceDateFrom,
                        Integer olderThanDays) {
    }

    @Transactional
    public ClaimView get(Caller caller, UUID id) {
        ClaimRepository.Stored s = visible(caller, id, AuditAction.READ, false);
        audit.success(caller, AuditAction.READ, CLAIM.auditName(), id, s.claim().practiceId());
        return ClaimView.of(s);
    }

    /** A page of the queue and where the next one starts (null at the end). */
    public record QueuePage(List<ClaimView> items, int size, String next) {
        public boolean hasMore() {
            return next != null;
        }
    }

    /**
     * Oldest status change first, so that the queue shows what waits longest; {@code after} is the
     * {@code next} of the previous page (null: the first page).
     */
    @Transactional
    public QueuePage list(Caller caller, Query q, int size, String afterText) {
        ClaimRepository.Cursor after = null;
        if (afterText != null && !afterText.isBlank()) {
            after = ClaimRepository.Cursor.decode(afterText.strip());
            if (after == null) {
                throw Violations.of("after", "must be the next of a page of this list");
            }
        }
        Instant before = q.olderThanDays() == null ? null : clock.instant().minus(Duration.ofDays(q.olderThanDays()));
        ClaimRepository.Slice found = claims.page(new ClaimRepository.Filter(caller.practicesWithin(q.practiceId()),
                q.status(), q.payerId(), q.patientId(), q.serviceDateFrom(), before), size, after);
        audit.successEach(caller, AuditAction.SEARCH, CLAIM.auditName(), found.items(), s -> s.claim().id(),
                s -> s.claim().practiceId());
        return new QueuePage(found.items().stream().map(ClaimView::of)
                .toList(), size, found.next() == null ? null : found.next().encode());
    }

    @Transactional
    public List<HistoryEntry> history(Caller caller, UUID id) {
        ClaimRepository.Stored s = visible(caller, id, AuditAction.READ, false);
        audit.success(caller, AuditAction.READ, CLAIM.auditName(), id, s.claim().practiceId());
        return history.of(id);
    }

    ClaimRepository.Stored visible(Caller caller, UUID id, AuditAction action, boolean lock) {
        return access.require(caller, action, CLAIM, id, claims.find(id, lock), s -> s.claim().practiceId());
    }
}
