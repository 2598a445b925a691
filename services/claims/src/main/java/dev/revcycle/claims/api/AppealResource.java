package dev.revcycle.claims.api;

import dev.revcycle.claims.app.AppealingClaims;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.Caller;
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

@Path("/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals", description = "Appeals of denied, partly paid and underpaid claims, their letters and deadlines")
public class AppealResource {
    static final String READERS = "Roles: biller, admin, auditor.";

    @Inject
    AppealingClaims appealing;

    @Inject
    CurrentCaller caller;

    public record OutcomeRequest(String outcome, String note) {
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Open appeals by deadline",
            description = "The practice's OPEN appeals, nearest deadline first, with daysLeft; dueWithinDays keeps those "
                    + "due within that many days (0–3650; past deadlines included). At most 200. practiceId may be left "
                    + "out when the token names one practice. " + READERS)
    @APIResponse(responseCode = "200", description = "The appeals", content = @Content(schema = @Schema(implementation = AppealResponse.Page.class)))
    @APIResponse(responseCode = "400", description = "dueWithinDays not a whole number 0–3650, or practiceId missing with several practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppealResponse.Page list(@QueryParam("practiceId") String practiceId,
                                    @QueryParam("dueWithinDays") String dueWithinDays) {
        Integer days = dev.revcycle.common.api.Params.integer("dueWithinDays", dueWithinDays);
        String practice = practice(caller.get(), practiceId);
        return new AppealResponse.Page(practice, days, appealing.due(caller.get(), practice, days).stream()
                .map(d -> AppealResponse.of(d.appeal(), d.daysLeft())).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One appeal", description = READERS)
    @APIResponse(responseCode = "200", description = "The appeal", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such appeal in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppealResponse get(@PathParam("id") UUID id) {
        return AppealResponse.of(appealing.get(caller.get(), id), null);
    }

    @GET
    @Path("/{id}/letter.pdf")
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The appeal letter (PDF)",
            description = "From the template with the claim's facts: provider, payer, patient and member id, claim and "
                    + "payer claim numbers, dates of service, charge, paid, amount in dispute, the remittance's adjustment "
                    + "codes, the deadline, the reason and the letter text. " + READERS)
    @APIResponse(responseCode = "200", description = "The letter", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such appeal in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response letter(@PathParam("id") UUID id) {
        return Response.ok(appealing.letter(caller.get(), id), "application/pdf")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"appeal-" + id + ".pdf\"").build();
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Record the payer's decision on an appeal",
            description = "OVERTURNED or UPHELD, with a note. The same outcome again changes nothing (200); another "
                    + "outcome of a decided appeal is a 409 appeal-decided. A decided appeal lets the claim be appealed "
                    + "again. " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OutcomeRequest.class),
            examples = @ExampleObject(name = "overturned", value = "{\"outcome\":\"OVERTURNED\",\"note\":\"Payer reprocessed, check to follow\"}")))
    @APIResponse(responseCode = "200", description = "The appeal with its outcome", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "400", description = "outcome not OVERTURNED or UPHELD, note too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such appeal in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The appeal was decided otherwise", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppealResponse outcome(@PathParam("id") UUID id, OutcomeRequest request) {
        Violations.required("body", request);
        return AppealResponse.of(appealing.decide(caller.get(), id, request.outcome(), request.note()), null);
    }

    static String practice(Caller caller, String practiceId) {
        if (practiceId != null) {
            return practiceId;
        }
        if (caller.practices().size() != 1) {
            throw Violations.of("practiceId", "is required when the token names several practices");
        }
        return caller.practices().iterator().next();
    }
}
