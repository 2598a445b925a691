package dev.revcycle.collections.api;

import dev.revcycle.collections.app.WorkQueue;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/work-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work queue", description = "Delinquent accounts in the order a collector works them")
public class WorkQueueResource {
    @Inject
    WorkQueue queue;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "The practice's delinquent accounts, in priority order",
            description = "Lapsed plans and broken promises to pay first (tier 1), then the rest (final notice sent and "
                    + "ready for placement, final notice sent, patient balance over 90 days) by patient balance × age in days, "
                    + "highest first. Each with its reason and suggested next action. Left out: accounts on hold, placed, on an "
                    + "active plan, with a promise to pay not yet due (suppressed until its date), and patient balances of 90 "
                    + "days or less without a lapsed plan, broken promise or final notice (the statement cycle works them). "
                    + "`collector`: only the accounts whose latest note that collector wrote. Paged (`size` ≤ 200). "
                    + "Roles: collector, admin, biller, auditor.")
    @APIResponse(responseCode = "200", description = "A page of the queue",
            content = @Content(schema = @Schema(implementation = WorkQueue.Page.class)))
    @APIResponse(responseCode = "400", description = "practiceId or asOf missing or malformed, size over 200",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkQueue.Page get(@QueryParam("practiceId") String practiceId, @QueryParam("asOf") String asOf,
                              @QueryParam("collector") String collector, @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        PageRequest paging = PageRequest.fromQuery(page, size);
        return queue.of(caller.get(), practiceId, Params.date("asOf", asOf), collector == null || collector.isBlank() ? null : collector,
                paging.page(), paging.size());
    }
}
