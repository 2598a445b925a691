package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ManagingFeeSchedules;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/fee-schedules/{payerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fee schedules", description = "What each payer contracted to allow a practice, versioned by date of service")
public class FeeScheduleResource {
    @Inject
    ManagingFeeSchedules feeSchedules;

    @Inject
    CurrentCaller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Put a version of a payer's fee schedule",
            description = "The payer's contracted allowed amount per procedure code and modifier for the practice, for "
                    + "services on or after effectiveFrom (until a later version's date); services before it keep the "
                    + "earlier version's amounts. The same effectiveFrom again replaces that version. Each code and "
                    + "modifier once, amounts with two decimals, not negative (400 naming rates[i].field). The payer is "
                    + "eligibility's payer id (the coverage's). " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FeeScheduleBodies.Request.class),
            examples = @ExampleObject(name = "2027 rates", value = """
                    {"practiceId":"north-clinic","effectiveFrom":"2027-01-01",
                     "rates":[{"procedureCode":"99213","allowed":112.00},{"procedureCode":"99213","modifier":"25","allowed":118.00},
                              {"procedureCode":"99212","allowed":80.00}]}""")))
    @APIResponse(responseCode = "200", description = "The version as stored, with its rates",
            content = @Content(schema = @Schema(implementation = FeeScheduleBodies.Response.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors name each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeeScheduleBodies.Response put(@PathParam("payerId") String payerId, FeeScheduleBodies.Request request) {
        Violations.required("body", request);
        return FeeScheduleBodies.Response.of(feeSchedules.put(caller.get(),
                PracticeCode.required("practiceId", request.practiceId()), Params.requiredUuid("payerId", payerId),
                request.toTerms()));
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The fee schedule in effect on a date",
            description = "The version whose effectiveFrom is the latest on or before `date` (default today), with its "
                    + "rates and its effectiveTo. " + ClaimResource.READ)
    @APIResponse(responseCode = "200", description = "The version and its rates",
            content = @Content(schema = @Schema(implementation = FeeScheduleBodies.Response.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's, or no version is in effect on that date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeeScheduleBodies.Response effective(@PathParam("payerId") String payerId,
                                                @Parameter(required = true) @QueryParam("practiceId") String practiceId,
                                                @Parameter(description = "A date of service, YYYY-MM-DD (default today)") @QueryParam("date") String date) {
        return FeeScheduleBodies.Response.of(feeSchedules.effectiveOn(caller.get(),
                PracticeCode.required("practiceId", practiceId), Params.requiredUuid("payerId", payerId),
                Params.date("date", date)));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The history of a payer's fee schedule",
            description = "Every version (at most 500), newest first, with the dates each applies to; rates by "
                    + "GET /fee-schedules/{payerId}?date=. " + ClaimResource.READ)
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(implementation = FeeScheduleBodies.History.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's, or it has no schedule of this payer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeeScheduleBodies.History history(@PathParam("payerId") String payerId,
                                             @Parameter(required = true) @QueryParam("practiceId") String practiceId) {
        String practice = PracticeCode.required("practiceId", practiceId);
        UUID payer = Params.requiredUuid("payerId", payerId);
        return FeeScheduleBodies.History.of(practice, payer, feeSchedules.history(caller.get(), practice, payer));
    }
}
