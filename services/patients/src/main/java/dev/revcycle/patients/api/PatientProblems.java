package dev.revcycle.patients.api;

import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemMappers;
import dev.revcycle.common.problem.ProblemType;
import dev.revcycle.patients.domain.PatientConflict;
import dev.revcycle.patients.domain.PatientNotFound;
import dev.revcycle.patients.domain.PatientRuleViolation;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The patients domain's refusals, as problems. */
public class PatientProblems {

    @ServerExceptionMapper
    public Response notFound(PatientNotFound e) {
        return ProblemMappers.response(ProblemException.notFound("Patient").problem());
    }

    @ServerExceptionMapper
    public Response conflict(PatientConflict e) {
        return ProblemMappers.response(ProblemType.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(PatientRuleViolation e) {
        return ProblemMappers.response(ProblemException.invalid(e.field(), e.getMessage()).problem());
    }
}
