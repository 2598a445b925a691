package dev.revcycle.claims.app;

import dev.revcycle.claims.store.FilingLimitRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Timely filing at risk: claims not sent yet (DRAFT, READY) or sent back (REJECTED) whose payer's filing limit —
 * counted from the first date of service, the coverage's {@code timelyFilingDays} or {@value #DEFAULT_FILING_DAYS}
 * days when the payer has none — ends within the days asked. Past deadlines are not listed (the claim can only be
 * appealed with proof of timely submission then); self-pay claims have no payer limit.
 */
@ApplicationScoped
public class WatchingFilingLimits {
    public static final int DEFAULT_FILING_DAYS = dev.revcycle.claims.domain.ClaimNearFilingLimit.DEFAULT_FILING_DAYS;
    public static final int MAX_LIST = 200;

    @Inject
    FilingLimitRepository repository;

    @Inject
    PhiAudit audit;

    @Inject
    Clock clock;

    public record AtRisk(dev.revcycle.claims.domain.ClaimNearFilingLimit claim, long daysLeft) {
    }

    @Transactional
    public List<AtRisk> atRisk(Caller caller, String practiceId, Integer withinDays) {
        if (withinDays == null || withinDays < 0 || withinDays > 365) {
            throw Violations.of("withinDays", "is required: a whole number from 0 to 365");
        }
        caller.requirePractice(practiceId, "Practice");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<AtRisk> out = repository.atRisk(practiceId, today, today.plusDays(withinDays), MAX_LIST)
                .stream().map(c -> new AtRisk(c, ChronoUnit.DAYS.between(today, c.deadline()))).toList();
        audit.success(caller, AuditAction.SEARCH, FindingClaims.CLAIM.auditName(),
                out.stream().map(a -> a.claim().claimId()).toList(), practiceId);
        return out;
    }
}
