package dev.revcycle.claims.api;

import dev.revcycle.claims.app.InquiringClaimStatus;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claim-status-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claim status", description = "X12 276 claim status inquiries and the payers' 277 answers")
public class ClaimStatusRunResource {
    @Inject
    InquiringClaimStatus inquiring;

    @Inject
    CurrentCaller caller;

    /** {@code practiceId} may be left out when the token names one practice; {@code limit} 1–500 (default 100). */
    public record RunRequest(String practiceId, Integer olderThanDays, Integer limit) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Ask the payers about every claim waiting too long",
            description = "Sends a 276 for each SUBMITTED or ACCEPTED claim of the practice sent more than olderThanDays "
                    + "ago with no adjudication and no status answer in that many days, oldest first, at most limit "
                    + "(default 100, at most 500) per run; hasMore says whether another run has more to ask. Each answer "
                    + "is recorded as POST /claims/{id}/status-inquiries records it. Stops at the first clearinghouse "
                    + "outage (stopped says why). " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RunRequest.class),
            examples = @ExampleObject(name = "a month", value = "{\"practiceId\":\"north-clinic\",\"olderThanDays\":30}")))
    @APIResponse(responseCode = "200", description = "What the run did", content = @Content(
            schema = @Schema(implementation = InquiringClaimStatus.RunResult.class), examples = @ExampleObject(name = "done", value = """
                    {"practiceId":"north-clinic","olderThanDays":30,"asked":3,"answered":3,"failed":0,"hasMore":false,
                     "byCategory":{"F1":1,"P1":2}}""")))
    @APIResponse(responseCode = "400", description = "olderThanDays missing or not 1–3650, limit not 1–500, practiceId missing with several practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InquiringClaimStatus.RunResult run(RunRequest request) {
        Violations.required("body", request);
        String practiceId = request.practiceId();
        if (practiceId == null) {
            var practices = caller.get().practices();
            if (practices.size() != 1) {
                throw Violations.of("practiceId", "is required when the token names several practices");
            }
            practiceId = practices.iterator().next();
        }
        return inquiring.run(caller.get(), practiceId, request.olderThanDays(), request.limit());
    }
}
