package dev.revcycle.common.problem;

import java.net.URI;

/**
 * The stable problem types revcycle answers with. A client may branch on {@link #uri()}; the title
 * is the same for every occurrence of a type. Services add their own with {@link #of}.
 */
public record ProblemType(URI uri, String title, int status) {
    private static final String BASE = "https://revcycle.dev/problems/";

    public static final ProblemType VALIDATION = of("validation", "The request is not valid", 400);
    public static final ProblemType MALFORMED_REQUEST = of("malformed-request", "The request body could not be read", 400);
    public static final ProblemType IDEMPOTENCY_KEY_MISSING = of("idempotency-key-missing", "An Idempotency-Key header is required", 400);
    public static final ProblemType UNAUTHENTICATED = of("unauthenticated", "A valid bearer token is required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "Your role does not allow this", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = of("conflict", "The request conflicts with the current state", 409);
    public static final ProblemType IDEMPOTENCY_IN_PROGRESS = of("idempotency-request-in-progress", "A request with this Idempotency-Key is still running", 409);
    public static final ProblemType PRECONDITION_FAILED = of("precondition-failed", "The record changed since you read it", 412);
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", "The request body is too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused", "This Idempotency-Key was used with a different request", 422);
    public static final ProblemType UNPROCESSABLE = of("unprocessable", "The request cannot be carried out", 422);
    public static final ProblemType INTERNAL = of("internal", "Internal error", 500);
    public static final ProblemType UNAVAILABLE = of("unavailable", "Service unavailable", 503);

    public static ProblemType of(String slug, String title, int status) {
        return new ProblemType(URI.create(BASE + slug), title, status);
    }

    /** The generic type for an HTTP status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : of("http-" + status, "Request failed", status);
        };
    }
}
