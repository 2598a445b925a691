package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ScrubbingClaims;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claims/{id}/scrub")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scrubbing", description = "The claim scrubber: its rules, and a claim's scrub before submission")
public class ScrubResource {
    @Inject
    ScrubbingClaims scrubbing;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Scrub a claim",
            description = "Runs every rule of GET /scrub-rules over a DRAFT or READY claim. No errors → READY "
                    + "(warnings do not hold it back); errors → DRAFT, the history naming the failed rules. " + ClaimResource.WRITE)
    @APIResponse(responseCode = "200", description = "The findings and the claim's status", content = @Content(schema = @Schema(implementation = ScrubResponse.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The claim is not DRAFT or READY (claim-not-scrubbable)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scrub(@PathParam("id") UUID id) {
        ScrubbingClaims.Outcome outcome = scrubbing.scrub(caller.get(), id);
        return Response.ok(ScrubResponse.of(outcome)).tag(new EntityTag(Long.toString(outcome.claim().version()))).build();
    }
}
