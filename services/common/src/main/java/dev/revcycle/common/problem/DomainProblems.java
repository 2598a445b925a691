package dev.revcycle.common.problem;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.DomainException;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.StaleVersion;
import dev.revcycle.common.domain.Unavailable;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import java.util.List;

/**
 * How each kind of domain refusal looks on the wire. The status follows from the kind; a
 * {@link Reason}'s code becomes the problem type's slug and its title the problem's title, so a
 * reason declared next to its rule is the whole declaration of its problem type.
 */
public final class DomainProblems {
    private DomainProblems() {
    }

    public static Problem of(DomainException e) {
        if (e instanceof Violations v) {
            return invalid(v.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
        }
        if (e instanceof NotFound) {
            return new Problem(ProblemType.NOT_FOUND, e.getMessage(), null, null);
        }
        if (e instanceof Conflict c) {
            return new Problem(type(c.reason(), 409), c.getMessage(), null, c.details());
        }
        if (e instanceof Unprocessable u) {
            return new Problem(type(u.reason(), 422), u.getMessage(), null, u.details());
        }
        if (e instanceof Unavailable u) {
            return new Problem(type(u.reason(), u.retryLater() ? 503 : 502), u.getMessage(), null, null);
        }
        if (e instanceof StaleVersion) {
            return new Problem(ProblemType.PRECONDITION_FAILED, e.getMessage(), null, null);
        }
        throw new IllegalStateException("no problem for " + e.getClass().getName());
    }

    /** The validation problem listing each field, in the order given. */
    public static Problem invalid(List<Problem.FieldError> errors) {
        return new Problem(ProblemType.VALIDATION,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are not valid",
                errors, null);
    }

    static ProblemType type(Reason reason, int status) {
        return ProblemType.of(reason.code(), reason.title(), status);
    }
}
