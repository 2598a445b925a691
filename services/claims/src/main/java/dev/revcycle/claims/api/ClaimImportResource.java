package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ImportingClaims;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import dev.revcycle.common.domain.Violations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claim-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claim imports", description = "837P/837I files from practice-management systems and EHRs")
public class ClaimImportResource {
    @Inject
    ImportingClaims importing;

    @Inject
    CurrentCaller caller;

    /** One CLM of the file: CREATED with the claim's id, or REFUSED with the reason (never a value of the file). */
    @Schema(name = "ImportedClaimResult")
    public record ClaimResultBody(int ordinal, String claimControlNumber, String status, UUID claimId, String reason) {
    }

    @Schema(name = "ClaimImport")
    public record ImportBody(UUID id, String practiceId, int created, int refused,
                             @Schema(description = "true: the same file was imported before for this practice; this is that import's answer and nothing was created now")
                             boolean duplicate, List<ClaimResultBody> claims) {
        static ImportBody of(ImportingClaims.Imported i) {
            return new ImportBody(i.id(), i.practiceId(), i.created(), i.refused(), i.duplicate(), i.claims().stream()
                    .map(c -> new ClaimResultBody(c.ordinal(), c.claimControlNumber(), c.status(), c.claimId(), c.reason()))
                    .toList());
        }
    }

    @POST
    @Consumes({"application/edi-x12", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Import an 837P or 837I",
            description = "One DRAFT claim per CLM (each publishes ClaimCreated), matching the patient by the practice's MRN "
                    + "(REF*EA) or by name and date of birth, the coverage by the subscriber's member id (no member id = "
                    + "self-pay), the providers by NPI. Answers per claim: CREATED with its id, or REFUSED with the reason. "
                    + "A malformed file is a 422 malformed-837 problem naming the segment and its position, and creates "
                    + "nothing. The same file again for the practice answers the first import (duplicate: true). "
                    + "practiceId may be left out when the token names one practice. Roles: biller, admin.")
    @APIResponse(responseCode = "201", description = "Imported (some claims may be refused)",
            content = @Content(schema = @Schema(implementation = ImportBody.class)))
    @APIResponse(responseCode = "200", description = "The same file was imported before: that import's answer",
            content = @Content(schema = @Schema(implementation = ImportBody.class)))
    @APIResponse(responseCode = "400", description = "practiceId is missing and the token names several practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a readable 837", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importFile(@Parameter(description = "One of the token's practices; optional when the token names one") @QueryParam("practiceId") String practiceId,
                               String x12) {
        Caller who = caller.get();
        ImportingClaims.Imported imported = importing.importFile(who, practice(who, practiceId), x12);
        return Response.status(imported.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(ImportBody.of(imported)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Read an import", description = "Its per-claim answers, as given when the file was imported.")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(schema = @Schema(implementation = ImportBody.class)))
    @APIResponse(responseCode = "404", description = "No such import in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportBody get(@PathParam("id") UUID id) {
        return ImportBody.of(importing.get(caller.get(), id));
    }

    private static String practice(Caller caller, String practiceId) {
        if (practiceId != null) {
            return PracticeCode.required("practiceId", practiceId);
        }
        if (caller.practices().size() == 1) {
            return caller.practices().iterator().next();
        }
        throw Violations.of("practiceId", "is required when the token names several practices");
    }
}
