package dev.revcycle.collections.api;

import dev.revcycle.collections.app.PlacingWithAgency;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/accounts/{id}/recall")
@Tag(name = "Agency placement")
public class RecallResource {
    @Inject
    PlacingWithAgency placing;

    @Inject
    CurrentCaller caller;

    public record RecallRequest(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Recall a placed account from the agency",
            description = "Ends the placement (`AccountRecalled`) and asks payments to reverse its bad-debt write-off "
                    + "(`WriteOffReversalRequested`). Not placed → 409 `account-not-placed`. Roles: collector, admin. "
                    + "Another practice's account → 404.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RecallRequest.class),
            examples = @ExampleObject(name = "recall", value = "{\"reason\":\"Patient disputes the balance\"}")))
    @APIResponse(responseCode = "200", description = "The recall",
            content = @Content(schema = @Schema(implementation = PlacingWithAgency.Recalled.class)))
    @APIResponse(responseCode = "400", description = "reason missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "account-not-placed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlacingWithAgency.Recalled recall(@PathParam("id") UUID id, RecallRequest body) {
        return placing.recall(caller.get(), id, body == null ? null : body.reason());
    }
}
