package dev.revcycle.eligibility.api;

import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemMappers;
import dev.revcycle.common.problem.ProblemType;
import dev.revcycle.eligibility.domain.CoverageConflict;
import dev.revcycle.eligibility.domain.CoverageRuleViolation;
import dev.revcycle.eligibility.domain.NotCheckable;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The eligibility domain's refusals, as problems. */
public class EligibilityProblems {
    public static final ProblemType PRIORITY_TAKEN = ProblemType.of("coverage-priority-taken",
            "The patient already has an active coverage of this priority", 409);
    public static final ProblemType COVERAGE_TERMINATED = ProblemType.of("coverage-terminated",
            "The coverage is terminated", 422);
    public static final ProblemType SERVICE_DATE_OUTSIDE_COVERAGE = ProblemType.of("service-date-outside-coverage",
            "The service date is outside the coverage's dates", 422);

    @ServerExceptionMapper
    public Response conflict(CoverageConflict e) {
        if (e.existingCoverageId() != null) {
            return ProblemMappers.response(new Problem(PRIORITY_TAKEN, e.getMessage(), null,
                    Map.of("existingCoverageId", e.existingCoverageId())));
        }
        return ProblemMappers.response(ProblemType.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(CoverageRuleViolation e) {
        return ProblemMappers.response(ProblemException.invalid(e.field(), e.getMessage()).problem());
    }

    @ServerExceptionMapper
    public Response notCheckable(NotCheckable e) {
        ProblemType type = switch (e.reason()) {
            case COVERAGE_TERMINATED -> COVERAGE_TERMINATED;
            case SERVICE_DATE_OUTSIDE_COVERAGE -> SERVICE_DATE_OUTSIDE_COVERAGE;
        };
        return ProblemMappers.response(type, e.getMessage());
    }

    /**
     * The database's own guard against two active coverages of one priority (behind the advisory
     * lock, it only fires if that lock is bypassed); anything else is unexpected.
     */
    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        if ("coverage_one_active_per_priority".equals(e.getConstraintName())) {
            return ProblemMappers.response(PRIORITY_TAKEN, "The patient already has an active coverage of this priority");
        }
        return new ProblemMappers().unexpected(e);
    }
}
