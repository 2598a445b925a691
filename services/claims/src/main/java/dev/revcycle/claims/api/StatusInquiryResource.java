package dev.revcycle.claims.api;

import dev.revcycle.claims.app.InquiringClaimStatus;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claims/{id}/status-inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claim status", description = "X12 276 claim status inquiries and the payers' 277 answers")
public class StatusInquiryResource {
    @Inject
    InquiringClaimStatus inquiring;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Ask the payer about a claim (X12 276 → 277)",
            description = "Sends a 005010X212 276 for the claim through the clearinghouse and records the payer's 277: "
                    + "the claim-level STC category, status and entity codes with readable words, the status date, the "
                    + "charge and paid amounts, the paid date and check number, the payer's claim control number. Only "
                    + "SUBMITTED, ACCEPTED, PAID, PARTIALLY_PAID and DENIED claims (422 otherwise). The claim's status "
                    + "does not change: the 999/277CA and the 835 move it. A clearinghouse outage is a 503 (Retry-After), "
                    + "a refusal or an unreadable 277 a 502; either way nothing is recorded. " + ClaimResource.WRITE)
    @APIResponse(responseCode = "201", description = "The answer, recorded", content = @Content(
            schema = @Schema(implementation = StatusInquiryResponse.class), examples = @ExampleObject(name = "paid", value = """
                    {"id":"5c1f…","claimId":"0b9f…","traceNumber":"5C1F…","categoryCode":"F1","statusCode":"65",
                     "description":"Finalized: payment: claim/line has been paid","statuses":[{"category":"F1","code":"65",
                     "description":"Finalized: payment: claim/line has been paid"}],"statusDate":"2026-12-01","charge":150.00,
                     "paid":120.00,"paidDate":"2026-12-01","checkNumber":"261201120000000001001","source":"api"}""")))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The claim is not with the payer (DRAFT, READY, REJECTED, VOIDED) or is self-pay", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The clearinghouse refused the inquiry or its 277 could not be read; nothing recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The clearinghouse is not answering (timeout, no connection, 5xx); nothing recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response inquire(@PathParam("id") UUID id) {
        var answered = inquiring.inquire(caller.get(), id);
        return Response.created(URI.create("/claims/" + id + "/status-inquiries"))
                .entity(StatusInquiryResponse.of(answered)).build();
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The claim's status inquiries, newest first",
            description = "Every answered inquiry (at most the 200 newest), from the API and from status runs. " + ClaimResource.READ)
    @APIResponse(responseCode = "200", description = "The answers", content = @Content(schema = @Schema(implementation = StatusInquiryResponse.History.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatusInquiryResponse.History history(@PathParam("id") UUID id) {
        return new StatusInquiryResponse.History(id,
                inquiring.history(caller.get(), id).stream().map(StatusInquiryResponse::of).toList());
    }
}
