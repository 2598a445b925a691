package dev.revcycle.collections.api;

import dev.revcycle.collections.app.Aging;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
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

@Path("/aging")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aging", description = "A/R aging of a practice")
public class AgingResource {
    @Inject
    Aging aging;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "A practice's A/R aging",
            description = "Patient and insurance balances in 0-30, 31-60, 61-90, 91-120 and 120+ day buckets by each "
                    + "account's **oldest open date of service** (days from it to `asOf`; a date of service after asOf "
                    + "counts as 0-30), with totals and account counts. `asOf` defaults to today; a future asOf shows "
                    + "where today's balances will be by then. Roles: collector, admin, biller, auditor. A practice not "
                    + "in the token → 404.")
    @APIResponse(responseCode = "200", description = "The aging", content = @Content(schema = @Schema(implementation = Views.AgingView.class)))
    @APIResponse(responseCode = "400", description = "practiceId missing or asOf not a date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.AgingView get(@QueryParam("practiceId") String practiceId, @QueryParam("asOf") String asOf) {
        PracticeCode.required("practiceId", Violations.required("practiceId", practiceId));
        return Views.AgingView.of(aging.of(caller.get(), practiceId, Params.date("asOf", asOf)));
    }
}
