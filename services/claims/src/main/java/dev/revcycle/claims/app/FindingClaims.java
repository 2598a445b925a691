package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.HistoryEntry;
import dev.revcycle.claims.store.ClaimHistoryRepository;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
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
        return new ClaimView(s.claim(), s.payerId(), s.statusChangedAt());
    }

    /** Oldest status change first, so that the queue shows what waits longest. */
    @Transactional
    public Page<ClaimView> list(Caller caller, Query q, PageRequest page) {
        Instant before = q.olderThanDays() == null ? null : clock.instant().minus(Duration.ofDays(q.olderThanDays()));
        Page<ClaimRepository.Stored> found = claims.page(new ClaimRepository.Filter(caller.practicesWithin(q.practiceId()),
                q.status(), q.payerId(), q.patientId(), q.serviceDateFrom(), before), page);
        audit.successEach(caller, AuditAction.SEARCH, CLAIM.auditName(), found.items(), s -> s.claim().id(),
                s -> s.claim().practiceId());
        return found.map(s -> new ClaimView(s.claim(), s.payerId(), s.statusChangedAt()));
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
