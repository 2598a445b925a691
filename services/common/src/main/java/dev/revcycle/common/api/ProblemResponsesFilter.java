package dev.revcycle.common.api;

import dev.revcycle.common.problem.Problem;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every secured operation can give, once for all services: 401 without a
 * valid bearer token, 403 when the token's roles do not allow the operation, both as problem
 * details. An operation that documents its own 401 or 403 keeps it. Registered by each service
 * with {@code mp.openapi.filter=dev.revcycle.common.api.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                if (isSecured(operation, openAPI)) {
                    APIResponses responses = operation.getResponses() == null
                            ? OASFactory.createAPIResponses() : operation.getResponses();
                    operation.setResponses(responses);
                    put(responses, "401", "No valid bearer token (missing, expired or not signed by the trusted key)");
                    put(responses, "403", "The token's roles do not allow this operation");
                }
            }
        }
    }

    private static boolean isSecured(Operation operation, OpenAPI openAPI) {
        List<?> security = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null && !security.isEmpty();
    }

    private static void put(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null && existing.getContent().hasMediaType(Problem.MEDIA_TYPE)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(existing != null && existing.getDescription() != null && !existing.getDescription().isBlank()
                        && !existing.getDescription().startsWith("Not ") ? existing.getDescription() : description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}
