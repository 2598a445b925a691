package dev.revcycle.common.problem;

import java.util.List;

/**
 * Thrown by the HTTP edge in common itself (reading parameters, headers, an Idempotency-Key) to
 * answer with a problem. Services never throw it: their domain and use cases raise the domain's
 * refusals ({@code dev.revcycle.common.domain}), and their resources do too (the architecture rules
 * enforce it). Its detail must be safe to show: no submitted values, no PHI.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail) {
        this(new Problem(type, detail, null, null));
    }

    public ProblemException(Problem problem) {
        super(problem.getTitle() + (problem.getDetail() == null ? "" : ": " + problem.getDetail()), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)), null));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(DomainProblems.invalid(errors));
    }
}
