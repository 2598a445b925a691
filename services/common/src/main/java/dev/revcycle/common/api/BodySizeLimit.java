package dev.revcycle.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} answers 413 as a problem, like every other error.
 * Quarkus refuses such a request itself with an empty 413, in a Vert.x route that runs before JAX-RS
 * (order {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}); this route runs just before it and answers
 * the same way, with a body. A chunked body has no length to check up front: JAX-RS stops reading it at
 * the limit and {@code ProblemMappers} answers the same problem.
 */
@ApplicationScoped
public class BodySizeLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        String body = problem(limit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> refuseIfOver(context, limit, body));
    }

    private static void refuseIfOver(RoutingContext context, long limit, String body) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && over(length, limit)) {
            // As Quarkus does: answer, then close rather than read (and discard) the whole body.
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ignored -> context.request().connection().close())
                    .end(body);
            return;
        }
        context.next();
    }

    private static boolean over(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // a malformed length is Vert.x's to refuse
        }
    }

    private String problem(long limit) {
        try {
            return json.writeValueAsString(new Problem(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body must be at most " + limit + " bytes", null, java.util.Map.of("maxBodySize", limit)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the 413 problem", e);
        }
    }
}
