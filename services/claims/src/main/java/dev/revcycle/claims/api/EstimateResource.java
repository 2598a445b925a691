package dev.revcycle.claims.api;

import dev.revcycle.claims.app.EstimatingCosts;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/estimates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Estimates", description = "What a visit will cost the patient, kept to compare with the payer's answer")
public class EstimateResource {
    static final String ESTIMATE_WRITE = "Roles: registrar, biller, admin.";

    @Inject
    EstimatingCosts estimating;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Estimate a visit's cost to the patient",
            description = "Per procedure code the practice's charge (charge master, effective on the date of service) "
                    + "and the allowed amount (the fee schedule of the coverage's payer on that date; the charge when "
                    + "there is none), and the patient's share from the coverage's latest eligibility benefits: the "
                    + "remaining deductible first, then the copay (once for the visit, in place of coinsurance) or the "
                    + "coinsurance, capped at the remaining out-of-pocket maximum; assumptions[] says what was taken and "
                    + "what was not known. Without a coverage: the self-pay cash prices. A code the charge master has "
                    + "no item for on that date is a 422 naming procedureCodes[i]. " + ESTIMATE_WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EstimateBodies.Request.class),
            examples = @ExampleObject(name = "insured", value = """
                    {"practiceId":"north-clinic","patientId":"3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11",
                     "coverageId":"9d2e7c1a-3b4f-4e8d-a1c2-6f5e4d3c2b1a","serviceDate":"2026-12-15",
                     "procedureCodes":["99213","81002"]}""")))
    @APIResponse(responseCode = "201", description = "The estimate; Location points to it",
            content = @Content(schema = @Schema(implementation = EstimateBodies.Response.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed; errors name each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown patient or coverage of this practice, or a code without a charge-master item (fields)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response estimate(EstimateBodies.Request request) {
        Violations.required("body", request);
        String practiceId = PracticeCode.required("practiceId", request.practiceId());
        EstimatingCosts.EstimateView view = estimating.estimate(caller.get(), practiceId, request.toTerms());
        return Response.created(uri.getBaseUriBuilder().path("estimates").path(view.estimate().id().toString()).build())
                .entity(EstimateBodies.Response.of(view)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "An estimate, and what the payer said",
            description = "The estimate as made and, once the claim of the same patient, first date of service and "
                    + "coverage (or self-pay for both; the newest such primary claim) has an adjudication that is not a "
                    + "reversal, `actual`: its patient responsibility (835 CLP05), paid amount, per line, and the "
                    + "difference from the estimate. " + ClaimResource.READ)
    @APIResponse(responseCode = "200", description = "The estimate", content = @Content(schema = @Schema(implementation = EstimateBodies.Response.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such estimate, or one of another practice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EstimateBodies.Response get(@PathParam("id") String id) {
        return EstimateBodies.Response.of(estimating.get(caller.get(), Params.requiredUuid("id", id)));
    }
}
