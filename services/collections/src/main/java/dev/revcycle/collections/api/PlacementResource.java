package dev.revcycle.collections.api;

import dev.revcycle.collections.app.PlacingWithAgency;
import dev.revcycle.collections.domain.PlacementBatch;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agency-placements")
@Tag(name = "Agency placement", description = "Accounts placed with the practice's collection agency, and the placement file")
public class PlacementResource {
    @Inject
    PlacingWithAgency placing;

    @Inject
    CurrentCaller caller;

    public record PlacementRequest(String practiceId, LocalDate asOf) {
    }

    public record BatchView(UUID id, String practiceId, LocalDate asOf, String agencyId, String agencyName, int accounts,
                            BigDecimal amount, String file, String createdBy, Instant createdAt) {
        static BatchView of(PlacementBatch b) {
            return new BatchView(b.id(), b.practiceId(), b.asOf(), b.agencyId(), b.agencyName(), b.accounts(), b.amount(),
                    "/agency-placements/" + b.id() + "/file", b.createdBy(), b.createdAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Place the eligible accounts with the practice's agency",
            description = "Places every account of the practice whose first statement of the unpaid balance is at least "
                    + "placementAfterDays before asOf, whose patient balance is at least minimumPlacementBalance, with the "
                    + "final notice sent, no open hold, no active plan and not placed already: `AccountPlacedWithAgency` and a "
                    + "BAD_DEBT `WriteOffRequested` of the placed balance each. The same practice and date again → 200 with "
                    + "the first batch. No agency in the policy → 422 `no-agency`. Roles: collector, admin.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PlacementRequest.class),
            examples = @ExampleObject(name = "placement", value = "{\"practiceId\":\"clinic-a\",\"asOf\":\"2026-12-01\"}")))
    @APIResponse(responseCode = "201", description = "The batch", content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "200", description = "The practice's batch of that date, already made")
    @APIResponse(responseCode = "400", description = "practiceId or asOf missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no-agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response place(PlacementRequest body) {
        PlacingWithAgency.Placed placed = placing.place(caller.get(), body == null ? null : body.practiceId(),
                body == null ? null : body.asOf());
        BatchView view = BatchView.of(placed.batch());
        return placed.created() ? Response.created(URI.create("/agency-placements/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "A placement batch", description = "Roles: collector, admin, biller, auditor. Another practice's → 404.")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "404", description = "No such batch, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchView get(@PathParam("id") UUID id) {
        return BatchView.of(placing.batch(caller.get(), id));
    }

    @GET
    @Path("{id}/file")
    @Produces("text/csv")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "The placement file for the agency (CSV)",
            description = "RFC 4180, CRLF, UTF-8, one line per placed account: agency_id, client_id (the practice's id at "
                    + "the agency), placement_id, account_id, patient_mrn, last_name, first_name, date_of_birth, address_line1, "
                    + "address_line2, city, state, postal_code, phone, email, guarantor_last_name, guarantor_first_name, "
                    + "balance_placed, oldest_service_date, first_statement_date, placed_on. PHI: collector and admin only. "
                    + "Another practice's → 404.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such batch, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("id") UUID id) {
        Caller c = caller.get();
        PlacementBatch batch = placing.batch(c, id);
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            placing.file(c, batch, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"placement-" + batch.practiceId() + "-" + batch.asOf() + ".csv\"").build();
    }
}
