package dev.revcycle.eligibility.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.common.api.MergePatch;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.common.idempotency.IdempotentResponse;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import dev.revcycle.eligibility.app.AddingCoverages;
import dev.revcycle.eligibility.app.ChangingCoverages;
import dev.revcycle.eligibility.app.CoverageView;
import dev.revcycle.eligibility.app.FindingCoverages;
import dev.revcycle.eligibility.domain.CoverageStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/coverages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverages", description = "Patients' insurance: payer, member, primary/secondary/tertiary, dates")
public class CoverageResource {
    static final String ROLES = "Roles: registrar, biller, admin.";
    /** What a merge patch may not touch: the coverage's owner and its payer. */
    private static final List<String> FIXED = List.of("practiceId", "patientId", "payerId");

    @Inject
    AddingCoverages adding;

    @Inject
    ChangingCoverages changing;

    @Inject
    FindingCoverages finding;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Add a coverage",
            description = "Adds a patient's insurance and publishes CoverageAdded. The patient must be known from the patients "
                    + "service's events and belong to practiceId. A patient has at most one active coverage per priority: a "
                    + "second active primary answers 409 with the existing coverage's id. The subscriber is required unless "
                    + "subscriberRelationship is SELF. An optional Idempotency-Key makes a retry answer the first response. " + ROLES)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CoverageRequest.class),
            examples = @ExampleObject(name = "spouse's plan", value = """
                    {"practiceId":"north-clinic","patientId":"3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11",
                     "payerId":"0b9f3c44-5d1e-4c8a-9a51-2f0a8f1c7d20","memberId":"XJH123456701","groupNumber":"GRP-4400",
                     "priority":"PRIMARY","subscriberRelationship":"SPOUSE",
                     "subscriber":{"firstName":"Maria","lastName":"Lopez","dateOfBirth":"1982-07-14"},
                     "effectiveDate":"2026-01-01"}""")))
    @APIResponse(responseCode = "201", description = "Added; Location points to the coverage",
            content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no subscriber", value = """
                            {"type":"https://revcycle.dev/problems/validation","title":"The request is not valid","status":400,
                             "detail":"subscriber: is required unless subscriberRelationship is SELF",
                             "errors":[{"field":"subscriber","message":"is required unless subscriberRelationship is SELF"}]}""")))
    @APIResponse(responseCode = "404", description = "The practice, or the patient's practice, is not one of the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient already has an active coverage of this priority, or a request with this Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "second primary", value = """
                            {"type":"https://revcycle.dev/problems/coverage-priority-taken","title":"The patient already has an active coverage of this priority",
                             "status":409,"detail":"The patient already has an active primary coverage; terminate it first or choose another priority",
                             "existingCoverageId":"9d2e7c1a-3b4f-4e8d-a1c2-6f5e4d3c2b1a"}""")))
    @APIResponse(responseCode = "422", description = "Unknown patient or payer, a patient of another practice or merged, or an Idempotency-Key used with a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown patient", value = """
                            {"type":"https://revcycle.dev/problems/unknown-patient","title":"The patient is not known to eligibility","status":422,
                             "detail":"Register the patient first; a newly registered patient reaches eligibility within seconds"}""")))
    public Response add(
            CoverageRequest request,
            @Parameter(description = "Optional: a unique key per coverage, so a retry cannot add it twice")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations.required("body", request);
        String practiceId = PracticeCode.required("practiceId", request.practiceId());
        Violations.required("patientId", request.patientId());
        return idempotency.execute("POST /coverages|" + caller.get().subject(), idempotencyKey, false, request, () -> {
            CoverageView added = adding.add(caller.get(), practiceId, request.patientId(), request.toTerms());
            return IdempotentResponse.created(CoverageResponse.of(added),
                    uri.getBaseUriBuilder().path("coverages").path(added.id().toString()).build());
        });
    }

    @GET
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "List a patient's coverages",
            description = "Only coverages of the token's practices; active first, then by priority. Every coverage listed is "
                    + "recorded in the PHI audit. A patient of another practice is not found, like every other read. " + ROLES)
    @APIResponse(responseCode = "200", description = "One page of coverages", content = @Content(schema = @Schema(implementation = CoveragePage.class)))
    @APIResponse(responseCode = "400", description = "patientId missing, or a parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the token's practices (the attempt is audited)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoveragePage list(
            @Parameter(description = "The patient", required = true) @QueryParam("patientId") String patientId,
            @Parameter(description = "Only ACTIVE or only TERMINATED coverages", schema = @Schema(implementation = CoverageStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "One of the token's practices") @QueryParam("practiceId") String practiceId,
            @BeanParam PageParams paging) {
        UUID patient = Params.requiredUuid("patientId", patientId);
        CoverageStatus wanted = Params.enumValue("status", status, CoverageStatus.class);
        Page<CoverageResponse> found = finding.ofPatient(caller.get(), patient, practiceId, wanted, paging.request())
                .map(CoverageResponse::of);
        return new CoveragePage(found.items(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read a coverage", description = "Recorded in the PHI audit. The ETag is the version. " + ROLES)
    @APIResponse(responseCode = "200", description = "The coverage", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such coverage in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withVersion(finding.get(caller.get(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Correct a coverage",
            description = "A JSON merge patch (RFC 7396): fields present replace the current values, null clears an optional "
                    + "field. practiceId, patientId and payerId cannot change (another payer is another coverage). Publishes "
                    + "CoverageChanged with the changed fields. Send If-Match with the version you read to refuse a lost "
                    + "update (412). A terminated coverage no longer changes (409). " + ROLES)
    @APIResponse(responseCode = "200", description = "The coverage after the change", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or a field that cannot change was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such coverage in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The coverage is terminated, or the new priority is taken by another active coverage", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") UUID id,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CoverageRequest.class),
                                   examples = @ExampleObject(name = "new member id", value = "{\"memberId\": \"XJH123456702\"}")))
                           JsonNode patch,
                           @Parameter(description = "The version you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        ObjectNode changes = MergePatch.requireObject(patch);
        for (String field : FIXED) {
            if (patch.has(field)) {
                throw Violations.of(field, "cannot be changed");
            }
        }
        CoverageView changed = changing.change(caller.get(), id, Params.ifMatchVersion(ifMatch),
                current -> MergePatch.apply(json, CoverageRequest.of(current), changes, CoverageRequest.class).toTerms());
        return withVersion(changed);
    }

    @POST
    @Path("/{id}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Terminate a coverage",
            description = "Ends the coverage on its last covered day and publishes CoverageTerminated; its priority is free for "
                    + "the patient's next coverage, and it is no longer checked. The same date again changes nothing; another "
                    + "date is a 409. " + ROLES)
    @APIResponse(responseCode = "200", description = "The terminated coverage", content = @Content(schema = @Schema(implementation = CoverageResponse.class)))
    @APIResponse(responseCode = "400", description = "terminationDate missing or before the effective date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such coverage in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already terminated on another date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response terminate(@PathParam("id") UUID id,
                              TerminationRequest request) {
        Violations.required("body", request);
        return withVersion(changing.terminate(caller.get(), id, request.terminationDate()));
    }

    private static Response withVersion(CoverageView view) {
        return Response.ok(CoverageResponse.of(view)).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
