package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoverageStatus;
import dev.revcycle.eligibility.store.CoverageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** Reading coverages: member ids and subscribers are PHI, so every record handed out is audited. */
@ApplicationScoped
public class FindingCoverages {
    static final String RESOURCE = "coverage";

    @Inject
    CoverageRepository coverages;

    @Inject
    PhiAudit audit;

    @Transactional
    public CoverageView get(Caller caller, UUID id) {
        Coverage coverage = visible(caller, id, AuditAction.READ);
        audit.success(caller, AuditAction.READ, RESOURCE, id, coverage.practiceId());
        return CoverageView.of(coverage);
    }

    /**
     * @param practiceId restrict to one practice (one the caller may see), or null for all of theirs
     */
    @Transactional
    public Page<CoverageView> ofPatient(Caller caller, UUID patientId, String practiceId, CoverageStatus status,
                                        PageRequest page) {
        Set<String> practices = practiceId == null ? caller.practices()
                : caller.canSee(practiceId) ? Set.of(practiceId) : Set.of();
        Page<Coverage> found = coverages.ofPatient(patientId, practices, status, page);
        found.items().stream().collect(java.util.stream.Collectors.groupingBy(Coverage::practiceId))
                .forEach((practice, list) -> audit.success(caller, AuditAction.SEARCH, RESOURCE,
                        list.stream().map(Coverage::id).toList(), practice));
        return found.map(CoverageView::of);
    }

    /** The coverage if the caller's practices include its own; else 404, and a denied access is audited. */
    Coverage visible(Caller caller, UUID id, AuditAction action) {
        Coverage coverage = coverages.findById(id);
        return requireVisible(caller, coverage, id, action);
    }

    Coverage requireVisible(Caller caller, Coverage coverage, UUID id, AuditAction action) {
        if (coverage == null) {
            throw ProblemException.notFound("Coverage");
        }
        if (!caller.canSee(coverage.practiceId())) {
            audit.denied(caller, action, RESOURCE, id, coverage.practiceId());
            throw ProblemException.notFound("Coverage");
        }
        return coverage;
    }
}
