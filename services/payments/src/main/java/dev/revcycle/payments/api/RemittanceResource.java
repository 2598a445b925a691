package dev.revcycle.payments.api;

import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.payments.app.RemittanceViews.RemittanceDetail;
import dev.revcycle.payments.app.RemittanceViews.RemittanceSummary;
import dev.revcycle.payments.app.Remittances;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/remittances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remittances", description = "835 ERA posting")
public class RemittanceResource {
    public static final String X12 = "application/edi-x12";

    @Inject
    Remittances remittances;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes({X12, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Post an 835 ERA", description = "The raw X12 835 (005010X221A1), any delimiters, one 835 "
            + "transaction per request. Read and balanced first: a file that does not balance (BPR02 = ΣCLP04 − ΣPLB, "
            + "CLP03 − CLP04 = its CAS, SVC02 − SVC03 = its CAS) is a 422 remittance-unbalanced listing every imbalance; "
            + "unreadable X12 is a 422 remittance-unreadable naming the segment; nothing is posted then. The same payer "
            + "(TRN03) and trace number (TRN02) again, or concurrently, answers the first result (200) and posts "
            + "nothing. CLP01 is matched to the practice's claims; unmatched claims go to unapplied cash; PLB to the "
            + "practice's provider-level books. practiceId may be left out when the token names one practice. "
            + "Roles: poster, admin.")
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = RemittanceSummary.class)))
    @APIResponse(responseCode = "200", description = "Posted before: the first answer again", content = @Content(schema = @Schema(implementation = RemittanceSummary.class)))
    @APIResponse(responseCode = "400", description = "practiceId missing while the token names several practices")
    @APIResponse(responseCode = "404", description = "A practice the caller does not see")
    @APIResponse(responseCode = "422", description = "Unreadable, unbalanced, or several 835 transactions")
    public Response post(@QueryParam("practiceId") String practiceId,
                         @RequestBody(required = true, content = @Content(mediaType = X12, schema = @Schema(implementation = String.class))) String body) {
        if (practiceId != null && !CurrentCaller.PRACTICE_CODE.matcher(practiceId).matches()) {
            throw Violations.of("practiceId", "must be a practice code");
        }
        Remittances.Received received = remittances.receive(caller.get(), practiceId, body);
        if (received.replay()) {
            return Response.ok(received.summary()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("remittances").path(received.summary().id().toString()).build())
                .entity(received.summary()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "A posted 835 and its per-claim results (paged by CLP order)",
            description = "Another practice's remittance: 404. Roles: poster, admin, biller, collector, auditor.")
    public RemittanceDetail get(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        PageRequest page = paging.request();
        return remittances.get(caller.get(), id, page.page(), page.size());
    }
}
