package dev.revcycle.claims.api;

import dev.revcycle.claims.app.SubmittingClaims;
import dev.revcycle.common.problem.Problem;
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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/submission-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submission batches", description = "837 files of READY claims sent to the clearinghouse")
public class SubmissionBatchResource {
    @Inject
    SubmittingClaims submitting;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Submit READY claims",
            description = "Writes one X12 837 interchange (005010X222A1 for professional, 005010X223A2 for institutional "
                    + "claims), sends it to the clearinghouse and marks the claims SUBMITTED. 422 claims-not-ready names "
                    + "the claims that are not READY; 404 when a claim is unknown, of another practice, or the claims "
                    + "are of two practices. When the clearinghouse cannot be reached the batch is FAILED (201, with "
                    + "failure) and the claims stay READY. Roles: biller, admin.")
    public Response submit(SubmissionBatchRequest request) {
        var batch = submitting.submit(caller.get(), request == null ? null : request.claimIds());
        return Response.created(URI.create("/submission-batches/" + batch.id()))
                .entity(SubmissionBatchResponse.of(batch)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "A submission batch")
    public SubmissionBatchResponse get(@PathParam("id") UUID id) {
        return SubmissionBatchResponse.of(submitting.find(caller.get(), id));
    }

    @GET
    @Path("/{id}/x12")
    @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The batch's 837 file, as sent")
    public Response x12(@PathParam("id") UUID id) {
        return Response.ok(submitting.x12(caller.get(), id), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }
}
