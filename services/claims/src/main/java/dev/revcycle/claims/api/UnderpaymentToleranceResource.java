package dev.revcycle.claims.api;

import dev.revcycle.claims.app.DetectingUnderpayments;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.PageRequest;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/practices/{practiceId}/underpayment-tolerance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Underpayments")
public class UnderpaymentToleranceResource {
    @Inject
    DetectingUnderpayments underpayments;

    @Inject
    CurrentCaller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Set a practice's underpayment tolerance",
            description = "A line is underpaid when the contracted amount minus the allowed amount is more than the "
                    + "tolerance: `amount`, `percent` of the contracted amount, or the larger of both. Without one the "
                    + "default is 1.00. Applies to adjudications recorded from then on. " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UnderpaymentBodies.Tolerance.class),
            examples = @ExampleObject(name = "2 % or 1.00", value = "{\"amount\":1.00,\"percent\":2}")))
    @APIResponse(responseCode = "200", description = "The tolerance now", content = @Content(schema = @Schema(implementation = UnderpaymentBodies.ToleranceResponse.class)))
    @APIResponse(responseCode = "400", description = "Neither given, or one invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnderpaymentBodies.ToleranceResponse setTolerance(@PathParam("practiceId") String practiceId,
                                                             UnderpaymentBodies.Tolerance body) {
        Violations.required("body", body);
        String practice = PracticeCode.required("practiceId", practiceId);
        return UnderpaymentBodies.ToleranceResponse.of(practice,
                underpayments.setTolerance(caller.get(), practice, body.toTolerance()));
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "A practice's underpayment tolerance",
            description = "As set, or the default 1.00 (isDefault). Roles: biller, admin, poster, collector, auditor.")
    @APIResponse(responseCode = "200", description = "The tolerance", content = @Content(schema = @Schema(implementation = UnderpaymentBodies.ToleranceResponse.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnderpaymentBodies.ToleranceResponse tolerance(@PathParam("practiceId") String practiceId) {
        String practice = PracticeCode.required("practiceId", practiceId);
        return UnderpaymentBodies.ToleranceResponse.of(practice, underpayments.tolerance(caller.get(), practice));
    }
}
