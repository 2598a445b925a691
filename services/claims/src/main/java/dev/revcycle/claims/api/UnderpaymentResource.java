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

@Path("/underpayments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Underpayments", description = "Lines a payer allowed below the contracted amount on the date of service")
public class UnderpaymentResource {
    @Inject
    DetectingUnderpayments underpayments;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "List underpaid lines",
            description = "Lines of adjudicated claims the payer allowed below the practice's contracted amount on "
                    + "their date of service by more than the practice's tolerance, with the expected (contracted) and "
                    + "actual (allowed) amounts and the difference, newest first. Found when the adjudication is "
                    + "recorded; a later adjudication of the claim (a reversal) takes its lines off the list. Paged by "
                    + "cursor like the claims queues. Roles: biller, admin, poster, collector, auditor.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = UnderpaymentBodies.Page.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnderpaymentBodies.Page list(
            @Parameter(required = true) @QueryParam("practiceId") String practiceId,
            @Parameter(description = "The claims' payer (eligibility's payer id)") @QueryParam("payerId") String payerId,
            @Parameter(description = "Page size, 1 to 200 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "The `next` of the previous page") @QueryParam("after") String after,
            @Parameter(hidden = true) @QueryParam("page") String page) {
        if (page != null) {
            throw Violations.of("page", "is not a parameter of this list: it is paged by cursor, pass the next of the "
                    + "previous page as after");
        }
        return UnderpaymentBodies.Page.of(underpayments.list(caller.get(), PracticeCode.required("practiceId", practiceId),
                Params.uuid("payerId", payerId), PageRequest.fromQuery(null, size).size(), after));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Underpayments totalled by payer and procedure code",
            description = "For services from `from` to `to` (inclusive, at most 366 days; default the 90 days to "
                    + "today): per payer and code the number of underpaid lines and the expected, actual and difference "
                    + "totals, the largest difference first — what a billing representative takes to the payer's "
                    + "representative. Roles: biller, admin, poster, collector, auditor.")
    @APIResponse(responseCode = "200", description = "The totals", content = @Content(schema = @Schema(implementation = UnderpaymentBodies.Summary.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnderpaymentBodies.Summary summary(@Parameter(required = true) @QueryParam("practiceId") String practiceId,
                                              @Parameter(description = "First date of service, YYYY-MM-DD") @QueryParam("from") String from,
                                              @Parameter(description = "Last date of service, YYYY-MM-DD") @QueryParam("to") String to) {
        String practice = PracticeCode.required("practiceId", practiceId);
        LocalDate end = Params.date("to", to);
        end = end == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : end;
        LocalDate start = Params.date("from", from);
        start = start == null ? end.minusDays(89) : start;
        return UnderpaymentBodies.Summary.of(practice, start, end, underpayments.summary(caller.get(), practice, start, end));
    }
}
