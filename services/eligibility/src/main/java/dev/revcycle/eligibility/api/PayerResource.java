package dev.revcycle.eligibility.api;

import dev.revcycle.common.api.Params;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.Roles;
import dev.revcycle.eligibility.app.ManagingPayers;
import dev.revcycle.eligibility.app.PayerView;
import dev.revcycle.eligibility.domain.PayerType;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/payers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payers", description = "The payers every practice bills: Medicare, Medicaid, commercial and managed-care plans")
public class PayerResource {
    static final String WRITERS = "Roles: admin.";
    static final String READERS = "Roles: registrar, biller, admin.";

    @Inject
    ManagingPayers payers;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a payer",
            description = "Payers are shared by every practice. The X12 payer id (the clearinghouse's id for the payer) "
                    + "is unique: adding it twice answers 409 with the existing payer's id. " + WRITERS)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PayerRequest.class),
            examples = @ExampleObject(name = "commercial", value = """
                    {"name":"Sandbox Health","payerType":"COMMERCIAL","x12PayerId":"SBX01","timelyFilingDays":365}""")))
    @APIResponse(responseCode = "201", description = "Added; Location points to the payer list",
            content = @Content(schema = @Schema(implementation = PayerResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no filing limit", value = """
                            {"type":"https://revcycle.dev/problems/validation","title":"The request is not valid","status":400,
                             "detail":"timelyFilingDays: is required","errors":[{"field":"timelyFilingDays","message":"is required"}]}""")))
    @APIResponse(responseCode = "409", description = "A payer with this X12 payer id exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = """
                            {"type":"https://revcycle.dev/problems/duplicate-payer","title":"A payer with this X12 payer id already exists",
                             "status":409,"detail":"Use the existing payer instead of adding it again",
                             "existingPayerId":"0b9f3c44-5d1e-4c8a-9a51-2f0a8f1c7d20"}""")))
    public Response add(PayerRequest request) {
        Violations.required("body", request);
        PayerView added = payers.register(request.toDomain());
        return Response.created(uri.getBaseUriBuilder().path("payers").path(added.id().toString()).build())
                .entity(PayerResponse.of(added)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read a payer", description = READERS)
    @APIResponse(responseCode = "200", description = "The payer", content = @Content(schema = @Schema(implementation = PayerResponse.class)))
    @APIResponse(responseCode = "404", description = "No such payer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PayerResponse get(@PathParam("id") UUID id) {
        return PayerResponse.of(payers.get(id));
    }

    @GET
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "List payers", description = "By name, optionally of one type. " + READERS)
    @APIResponse(responseCode = "200", description = "One page of payers", content = @Content(schema = @Schema(implementation = PayerPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PayerPage list(
            @Parameter(description = "Only payers of this type", schema = @Schema(implementation = PayerType.class))
            @QueryParam("payerType") String payerType,
            @BeanParam PageParams paging) {
        Page<PayerResponse> found = payers.list(Params.enumValue("payerType", payerType, PayerType.class), paging.request()).map(PayerResponse::of);
        return new PayerPage(found.items(), found.page(), found.size(), found.total(), found.totalExact());
    }
}
