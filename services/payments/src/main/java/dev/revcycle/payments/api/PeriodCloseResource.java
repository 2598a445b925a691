package dev.revcycle.payments.api;

import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.api.Requests.PeriodCloseRequest;
import dev.revcycle.payments.app.PeriodCloses;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/period-closes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Month-end close", description = "Closing months and their journal")
public class PeriodCloseResource {
    @Inject
    PeriodCloses closes;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Close a month", description = "Later manual postings dated into it: 422; postings from events and "
            + "files are dated into the first open month. Answers the journal. Roles: poster, admin.")
    public Response close(PeriodCloseRequest r) {
        Violations.required("body", r);
        PeriodCloses.Journal j = closes.close(caller.get(), r.practiceId(), r.month());
        return Response.status(201).entity(j).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The month's journal by GL account, with its balance proof", description = "Roles: poster, admin, biller, collector, auditor.")
    public PeriodCloses.Journal get(@PathParam("id") UUID id) {
        return closes.get(caller.get(), id);
    }

    @GET
    @Path("/{id}/journal.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The journal as CSV for a general ledger", description = "Roles: poster, admin, biller, collector, auditor.")
    public Response csv(@PathParam("id") UUID id) {
        PeriodCloses.Journal j = closes.get(caller.get(), id);
        return Response.ok(closes.csv(j), "text/csv").header("Content-Disposition",
                "attachment; filename=\"journal-" + j.practiceId() + "-" + j.month() + ".csv\"").build();
    }
}
