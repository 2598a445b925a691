package dev.revcycle.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.revcycle.common.logging.SafeLog;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. The one place that decides what an error looks
 * like, for every service.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (problem.getStatus() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static Response response(ProblemType type, String detail) {
        return response(new Problem(type, detail, null, null));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem());
    }

    /** The one translation of a domain or use-case refusal into a problem. */
    @ServerExceptionMapper
    public Response refused(dev.revcycle.common.domain.DomainException e) {
        Response response = response(DomainProblems.of(e));
        if (e instanceof dev.revcycle.common.domain.Unavailable u && u.retryLater()) {
            return Response.fromResponse(response)
                    .header("Retry-After", dev.revcycle.common.domain.Unavailable.RETRY_AFTER_SECONDS).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e) {
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        boolean ourFault = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (ourFault) {
            return unexpected(e);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return response(ProblemException.invalid(errors).problem());
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unreadable(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unreadable(dev.revcycle.common.api.MergePatch.UnreadablePatchException e) {
        return json(e.json());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return response(ProblemType.UNAUTHENTICATED, null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return response(ProblemType.UNAUTHENTICATED, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ProblemType.FORBIDDEN, null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return response(ProblemType.forStatus(status), null);
    }

    /**
     * Quarkus REST stops reading a chunked body at {@code quarkus.http.limits.max-body-size}: it has already
     * answered 413 itself, so this only keeps the client's mistake out of the error log.
     */
    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e) {
        if ("Request too large".equals(e.getMessage())) {
            return response(ProblemType.PAYLOAD_TOO_LARGE, null);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        // Only the exception's classes and frames: messages may quote data (SQL values, PHI).
        LOG.errorf("unexpected error %s: %s", errorId, SafeLog.describe(e));
        return response(new Problem(ProblemType.INTERNAL, "An unexpected error occurred; quote error id " + errorId, null,
                java.util.Map.of("errorId", errorId)));
    }

    private Response json(JsonProcessingException e) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return response(ProblemException.invalid(duplicate, "is given more than once").problem());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            return response(ProblemException.invalid(field, messageFor(mapping)).problem());
        }
        return response(ProblemType.MALFORMED_REQUEST, "The body is not well-formed JSON");
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == LocalDate.class) {
                return "must be a real date in the form YYYY-MM-DD";
            }
            if (Temporal.class.isAssignableFrom(target)) {
                return "must be an ISO-8601 date-time";
            }
            if (target == UUID.class) {
                return "must be a UUID";
            }
            if (INTEGRAL.contains(target)) {
                return "must be a whole number";
            }
            if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
                return "must be a number";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "must be true or false";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (List.class.isAssignableFrom(target)) {
                return "must be an array";
            }
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static final java.util.Set<Class<?>> INTEGRAL = java.util.Set.of(Integer.class, int.class, Long.class,
            long.class, Short.class, short.class, java.math.BigInteger.class);

    /** The path of a key given twice (refused by the parser: StrictJson), or null for any other error. */
    private static String duplicateKey(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser)
                || e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field '")) {
            return null;
        }
        List<com.fasterxml.jackson.core.JsonStreamContext> levels = new ArrayList<>();
        for (var c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            levels.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (var level : levels) {
            if (level.inArray()) {
                path.append('[').append(level.getCurrentIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(level.getCurrentName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code register.request.address.state} → {@code address.state}; {@code search.size} → {@code size}. */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : nodes) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names);
    }
}
