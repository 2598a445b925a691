package dev.revcycle.common.api;

import dev.revcycle.common.problem.ProblemMappers;
import dev.revcycle.common.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what it is: without a Content-Type, JAX-RS would guess and read
 * it as JSON anyway. 415 problem before the body is read. Runs after routing, so an unknown path is still
 * a 404 and a wrong method a 405.
 */
public class ContentTypeRequired {

    @ServerRequestFilter
    public Response requireContentType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if ((contentType == null || contentType.isBlank()) && hasBody(request)) {
            return ProblemMappers.response(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "A request body needs a Content-Type header (e.g. application/json)");
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.isBlank() && !length.trim().equals("0");
    }
}
