package dev.revcycle.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error revcycle answers. Details and field messages
 * are written by revcycle itself: they never quote a submitted value (it may be PHI), a stack trace
 * or SQL.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        this.type = type.uri();
        this.title = type.title();
        this.status = type.status();
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One offending field of a request: its JSON path (e.g. {@code address.state}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
