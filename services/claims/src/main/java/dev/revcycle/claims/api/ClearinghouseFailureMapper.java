package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ClearinghouseFailure;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.problem.ProblemMappers;
import dev.revcycle.common.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A clearinghouse that gave no usable answer to a synchronous exchange: 503 {@code clearinghouse-unavailable}
 * with {@code Retry-After} for an outage, 502 {@code clearinghouse-bad-answer} for a refusal or an unreadable 277.
 */
public class ClearinghouseFailureMapper {
    static final ProblemType UNAVAILABLE = ProblemType.of("clearinghouse-unavailable",
            "The clearinghouse is not answering: nothing was recorded, ask again later", 503);
    static final ProblemType BAD_ANSWER = ProblemType.of("clearinghouse-bad-answer",
            "The clearinghouse gave no usable answer: nothing was recorded", 502);
    static final int RETRY_AFTER_SECONDS = 60;

    @ServerExceptionMapper
    public Response failed(ClearinghouseFailure e) {
        Response response = ProblemMappers.response(new Problem(e.unavailable() ? UNAVAILABLE : BAD_ANSWER,
                e.getMessage(), null, null));
        if (!e.unavailable()) {
            return response;
        }
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
