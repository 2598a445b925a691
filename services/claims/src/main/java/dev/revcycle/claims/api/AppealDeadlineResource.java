package dev.revcycle.claims.api;

import dev.revcycle.claims.app.AppealingClaims;
import dev.revcycle.claims.store.AppealRepository;
import dev.revcycle.common.domain.Violations;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/appeal-deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals", description = "Appeals of denied, partly paid and underpaid claims, their letters and deadlines")
public class AppealDeadlineResource {
    @Inject
    AppealingClaims appealing;

    @Inject
    CurrentCaller caller;

    public record DeadlineRequest(String practiceId, Integer days) {
    }

    public record Deadlines(String practiceId, int defaultDays, List<dev.revcycle.claims.domain.appeal.PayerDeadline> items) {
    }

    @PUT
    @Path("/{payerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Set a payer's appeal deadline for a practice",
            description = "How many days (1–3650) after the adjudication date the payer accepts an appeal from this "
                    + "practice. Applies to appeals filed from now on. Without a setting: 180 days. " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DeadlineRequest.class),
            examples = @ExampleObject(name = "Medicare redetermination", value = "{\"practiceId\":\"north-clinic\",\"days\":120}")))
    @APIResponse(responseCode = "200", description = "The setting", content = @Content(schema = @Schema(implementation = dev.revcycle.claims.domain.appeal.PayerDeadline.class)))
    @APIResponse(responseCode = "400", description = "days not 1–3650, or practiceId missing with several practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public dev.revcycle.claims.domain.appeal.PayerDeadline set(@PathParam("payerId") UUID payerId, DeadlineRequest request) {
        Violations.required("body", request);
        return appealing.setDeadline(caller.get(), AppealResource.practice(caller.get(), request.practiceId()), payerId,
                request.days());
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A practice's appeal deadlines per payer", description = AppealResource.READERS)
    @APIResponse(responseCode = "200", description = "The settings and the default", content = @Content(schema = @Schema(implementation = Deadlines.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Deadlines list(@QueryParam("practiceId") String practiceId) {
        String practice = AppealResource.practice(caller.get(), practiceId);
        return new Deadlines(practice, dev.revcycle.claims.domain.appeal.AppealTerms.DEFAULT_DEADLINE_DAYS,
                appealing.deadlines(caller.get(), practice));
    }
}
