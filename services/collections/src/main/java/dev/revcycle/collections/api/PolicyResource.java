package dev.revcycle.collections.api;

import dev.revcycle.collections.app.Policies;
import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/practices/{id}/policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policy", description = "Each practice's collection policy: statement cycle, dunning, plans, placement, target")
public class PolicyResource {
    static final String EXAMPLE = """
            {"statementCycleDays":30,"dunningLevels":4,"gracePeriodDays":10,"smallBalanceThreshold":5.00,
             "placementAfterDays":120,"minimumPlacementBalance":25.00,"targetCollectionRate":0.95,
             "planMinimumInstallment":25.00,"agency":{"name":"Midwest Recovery","id":"MWR-0042"}}""";

    @Inject
    Policies policies;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "The practice's effective collection policy",
            description = "The practice's own policy, or the defaults (`defaults: true`) until it sets one. "
                    + "Roles: collector, admin, biller, auditor. A practice not in the token → 404.")
    @APIResponse(responseCode = "200", description = "The effective policy",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyView get(@PathParam("id") String practiceId) {
        return PolicyView.of(policies.get(caller.get(), practiceId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Set the practice's collection policy",
            description = "Replaces the whole policy; a field left out takes its default (statementCycleDays 30, "
                    + "dunningLevels 4, gracePeriodDays 10, smallBalanceThreshold 5.00, placementAfterDays 120, "
                    + "minimumPlacementBalance 25.00, targetCollectionRate 0.95, planMinimumInstallment 25.00, no agency). "
                    + "A field out of range → 400 naming it; periods that do not fit together (placement before the "
                    + "final notice could be sent) → 422 `policy-inconsistent`. Roles: collector, admin.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PolicyRequest.class),
            examples = @ExampleObject(name = "policy", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The policy now in effect",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "A field out of range or of the wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "policy-inconsistent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyView put(@PathParam("id") String practiceId, PolicyRequest body) {
        return PolicyView.of(policies.put(caller.get(), practiceId, body == null ? null : body.terms()));
    }
}
