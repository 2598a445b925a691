package dev.revcycle.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemType;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patch (RFC 7396), the one way every service applies a PATCH: objects merge member by
 * member, {@code null} removes, anything else replaces. The result is read back as the resource's
 * request type, so an unknown field or a wrong type is the same 400 problem as on a POST.
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** Refuses a body that is not a JSON object. */
    public static ObjectNode requireObject(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object (a merge patch)");
        }
        return (ObjectNode) patch;
    }

    /**
     * @param current the resource as it stands, in request form
     * @return the patched resource in request form
     */
    public static <T> T apply(ObjectMapper json, T current, ObjectNode patch, Class<T> type) {
        ObjectNode merged = json.valueToTree(current);
        merge(merged, patch);
        try {
            return json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new UnreadablePatchException(e);
        }
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** A patch whose result cannot be read as the resource; answered like any unreadable JSON. */
    public static class UnreadablePatchException extends RuntimeException {
        public UnreadablePatchException(JsonProcessingException cause) {
            super(cause);
        }

        public JsonProcessingException json() {
            return (JsonProcessingException) getCause();
        }
    }
}
