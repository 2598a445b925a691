package dev.revcycle.claims.api;

import dev.revcycle.claims.app.BillableClaims;
import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.forms.Forms;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claims/{id}/form.pdf")
@Tag(name = "Claims")
public class ClaimFormResource {
    static final String PDF = "application/pdf";

    @Inject
    BillableClaims billable;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(PDF)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The claim on paper",
            description = "A PDF: the CMS-1500 (02/12) for a professional claim, the UB-04 for an institutional one, box by "
                    + "box (six service lines per CMS-1500 page, twenty-two per UB-04 page; the total on the last page).")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response form(@PathParam("id") UUID id) {
        BillableClaim claim = billable.load(caller.get(), id);
        return Response.ok(Forms.render(claim), PDF)
                .header("Content-Disposition", "inline; filename=\"claim-" + claim.claim().patientControlNumber() + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
