package dev.revcycle.claims.api;

import dev.revcycle.claims.app.AppealingClaims;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claims/{id}/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals", description = "Appeals of denied, partly paid and underpaid claims, their letters and deadlines")
public class ClaimAppealResource {
    @Inject
    AppealingClaims appealing;

    @Inject
    CurrentCaller caller;

    public record AppealRequest(String reason, String letter, BigDecimal expectedAmount) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Appeal an adjudicated claim",
            description = "DENIED and PARTIALLY_PAID claims (the dispute is the charge less what was paid), and PAID claims "
                    + "as an underpayment, naming expectedAmount (more than paid, at most the charge). One OPEN appeal per "
                    + "claim (409 appeal-open with openAppealId). The deadline is the adjudication date plus the payer's "
                    + "appeal days for the practice (PUT /appeal-deadlines/{payerId}; 180 when not set); past it, 422 "
                    + "appeal-deadline-passed. Publishes ClaimAppealed. The letter (GET /appeals/{id}/letter.pdf) uses "
                    + "`letter` as its body when given, else the template's paragraph. " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AppealRequest.class),
            examples = @ExampleObject(name = "authorization on file", value = """
                    {"reason":"Prior authorization AUTH-7781 was obtained on 2026-10-02 before the visit; copy enclosed."}""")))
    @APIResponse(responseCode = "201", description = "The appeal, OPEN", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "400", description = "reason missing or too long, letter too long, expectedAmount not a positive amount", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The claim has an open appeal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The claim cannot be appealed (status, no underpayment named) or the deadline passed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("id") UUID claimId, AppealRequest request) {
        Violations.required("body", request);
        var appeal = appealing.file(caller.get(), claimId, request.reason(), request.letter(), request.expectedAmount());
        return Response.created(URI.create("/appeals/" + appeal.id())).entity(AppealResponse.of(appeal, null)).build();
    }

}
