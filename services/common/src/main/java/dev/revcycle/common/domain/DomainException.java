package dev.revcycle.common.domain;

/**
 * A request the domain or a use case refuses, in the domain's own words: no HTTP status, no problem
 * type. The edge ({@code dev.revcycle.common.problem.ProblemMappers}) turns each kind into an RFC 9457
 * problem. The message is shown to the client as the problem's detail, so it must never quote a
 * submitted value (it may be PHI). No stack trace is kept: a refusal is an answer, not a fault.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, Unprocessable, StaleVersion, Violations, Unavailable {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
