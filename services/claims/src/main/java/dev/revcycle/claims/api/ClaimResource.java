package dev.revcycle.claims.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.claims.app.ClaimView;
import dev.revcycle.claims.app.DraftingClaims;
import dev.revcycle.claims.app.FindingAdjudications;
import dev.revcycle.claims.app.FindingClaims;
import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.common.api.MergePatch;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.common.idempotency.IdempotentResponse;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Professional and institutional claims: drafts, the work queues, resubmission, history")
public class ClaimResource {
    static final String WRITE = "Roles: biller, admin.";
    static final String READ = "Roles: biller, admin, registrar, poster, collector, auditor.";
    private static final List<String> FIXED = List.of("practiceId", "patientId");

    @Inject
    DraftingClaims drafting;

    @Inject
    FindingClaims finding;

    @Inject
    FindingAdjudications adjudications;

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
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Create a claim",
            description = "A DRAFT claim with a new patient control number (CLM01, ≤ 20 characters) and its total. "
                    + "Only the structure is checked (required fields, at most two decimals in amounts, 1–4 diagnosis "
                    + "pointers per line, ≤ 12 diagnoses, ≤ 4 modifiers, ≤ 50 lines); the codes and the rules are the "
                    + "scrubber's. The patient, the coverage (absent = self-pay) and the providers must be the "
                    + "practice's (422 otherwise). Publishes ClaimCreated with the lines. " + WRITE)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ClaimRequest.class),
            examples = @ExampleObject(name = "office visit", value = """
                    {"practiceId":"north-clinic","patientId":"3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11",
                     "coverageId":"9d2e7c1a-3b4f-4e8d-a1c2-6f5e4d3c2b1a","type":"PROFESSIONAL",
                     "billingProviderId":"0b9f3c44-5d1e-4c8a-9a51-2f0a8f1c7d20","placeOfService":"11",
                     "diagnoses":["E11.9"],
                     "lines":[{"procedureCode":"99213","units":1,"chargeAmount":150.00,"serviceDate":"2026-11-20",
                               "diagnosisPointers":[1]}]}""")))
    @APIResponse(responseCode = "201", description = "Created (DRAFT); Location points to the claim",
            content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed; errors name each field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or merged patient, unknown coverage or provider of this practice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ClaimRequest request,
                           @Parameter(description = "Optional: a unique key per claim, so a retry cannot create it twice")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations.required("body", request);
        String practiceId = PracticeCode.required("practiceId", request.practiceId());
        return idempotency.execute("POST /claims|" + caller.get().subject(), idempotencyKey, false, request, () -> {
            ClaimView created = drafting.create(caller.get(), practiceId, request.toDraft());
            return IdempotentResponse.created(ClaimResponse.of(created),
                    uri.getBaseUriBuilder().path("claims").path(created.claim().id().toString()).build());
        });
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "List claims (the work queues)",
            description = "The token's practices' claims, oldest status change first: e.g. status=REJECTED is the "
                    + "rejected-claims queue, olderThanDays=30 what has waited more than 30 days in its status. "
                    + "Paged by cursor: `next` (present while `hasMore`) is the `after` of the next page. With "
                    + "serviceDateFrom a page examines at most 500 claims of the queue, so it may hold fewer than `size` "
                    + "(even none) while `hasMore` is true. No total: a queue is worked from its head. " + READ)
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ClaimPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimPage list(
            @Parameter(description = "One of the token's practices") @QueryParam("practiceId") String practiceId,
            @Parameter(schema = @Schema(implementation = ClaimStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "The coverage's payer") @QueryParam("payerId") String payerId,
            @QueryParam("patientId") String patientId,
            @Parameter(description = "Claims whose first date of service is on or after") @QueryParam("serviceDateFrom") String serviceDateFrom,
            @Parameter(description = "In their status for more than this many days") @QueryParam("olderThanDays") String olderThanDays,
            @Parameter(description = "Page size, 1 to 200 (default 20); more than 200 is a 400",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "The `next` of the previous page; absent for the first page") @QueryParam("after") String after,
            @Parameter(hidden = true) @QueryParam("page") String page) {
        if (page != null) {
            // the queue had page numbers before its cursor: a client still sending one must not get page 0 silently
            throw Violations.of("page", "is not a parameter of this list: it is paged by cursor, pass the next of the "
                    + "previous page as after");
        }
        Integer days = Params.integer("olderThanDays", olderThanDays);
        if (days != null && (days < 0 || days > 36_500)) {
            throw Violations.of("olderThanDays", "must be a whole number from 0 to 36500");
        }
        FindingClaims.Query q = new FindingClaims.Query(practiceId, Params.enumValue("status", status, ClaimStatus.class),
                Params.uuid("payerId", payerId), Params.uuid("patientId", patientId),
                Params.date("serviceDateFrom", serviceDateFrom), days);
        int pageSize = PageRequest.fromQuery(null, size).size();
        FindingClaims.QueuePage found = finding.list(caller.get(), q, pageSize, after);
        return new ClaimPage(found.items().stream().map(ClaimResponse::of).toList(), found.size(), found.hasMore(),
                found.next());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Read a claim", description = "The ETag is the version. " + READ)
    @APIResponse(responseCode = "200", description = "The claim", content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withVersion(finding.get(caller.get(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Change a DRAFT claim",
            description = "A JSON merge patch (RFC 7396): fields present replace the current values (lines and "
                    + "diagnoses as a whole), null clears an optional field; practiceId and patientId cannot change. "
                    + "Only a DRAFT changes (409 otherwise). Publishes ClaimChanged with all the lines. If-Match with the "
                    + "version read refuses a lost update (412). " + WRITE)
    @APIResponse(responseCode = "200", description = "The claim after the change", content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or cannot change", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The claim is not a DRAFT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown coverage or provider of this practice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") UUID id,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ClaimRequest.class),
                                   examples = @ExampleObject(name = "another diagnosis", value = "{\"diagnoses\": [\"E11.9\", \"I10\"]}")))
                           JsonNode patch,
                           @Parameter(description = "The version you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        ObjectNode changes = MergePatch.requireObject(patch);
        for (String field : FIXED) {
            if (patch.has(field)) {
                throw Violations.of(field, "cannot be changed");
            }
        }
        ClaimView changed = drafting.change(caller.get(), id, Params.ifMatchVersion(ifMatch),
                current -> MergePatch.apply(json, ClaimRequest.of(null, current), changes, ClaimRequest.class).toDraft());
        return withVersion(changed);
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Reopen a rejected claim",
            description = "REJECTED → DRAFT, to fix it, scrub it and submit it again; any other status is a 409. " + WRITE)
    @APIResponse(responseCode = "200", description = "The claim, DRAFT again", content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The claim is not REJECTED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resubmit(@PathParam("id") UUID id) {
        return withVersion(drafting.resubmit(caller.get(), id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "A claim's history", description = "Every status change with who, when and why, oldest first. " + READ)
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = HistoryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryResponse history(@PathParam("id") UUID id) {
        return new HistoryResponse(id, finding.history(caller.get(), id).stream().map(HistoryResponse.Entry::of).toList());
    }

    @GET
    @Path("/{id}/adjudications")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "A claim's adjudications",
            description = "What the payer's 835s said about the claim (payments' RemittancePosted), newest first: CLP02, "
                    + "the outcome (PAID, PARTIALLY_PAID, DENIED, REOPENED by a reversal, RECORDED without a move), the "
                    + "statuses before and after, the payer's claim control number, the amounts, and per service line "
                    + "what was charged, allowed, paid and left to the patient with its adjustments (group, CARC, RARC, "
                    + "amount, words). " + READ)
    @APIResponse(responseCode = "200", description = "The adjudications", content = @Content(schema = @Schema(implementation = AdjudicationsResponse.class),
            examples = @ExampleObject(name = "partly paid", value = """
                    {"claimId": "6f1c9a7e-2b1d-4c55-9a43-1f1e6d2c7b10", "items": [{"id": "1d7e0c1a-8f7b-4c1e-9d55-3a2b1c0d9e8f",
                      "remittanceId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "traceNumber": "TRN12345", "payerId": "SBX01",
                      "claimStatusCode": "1", "outcome": "PARTIALLY_PAID", "fromStatus": "ACCEPTED", "toStatus": "PARTIALLY_PAID",
                      "reason": "1 of 2 line(s) paid nothing: CO-16 (payer claim control number PCCN-42, remittance trace TRN12345)",
                      "payerClaimControlNumber": "PCCN-42", "paidDate": "2026-11-30", "charge": 175.50, "paid": 100.00,
                      "allowed": 120.00, "patientResponsibility": 20.00, "claimAdjustments": [],
                      "receivedAt": "2026-12-01T09:30:00Z", "lines": [
                        {"lineNumber": 1, "procedureCode": "99213", "modifiers": [], "serviceDate": "2026-11-20", "charge": 150.00,
                         "allowed": 120.00, "paid": 100.00, "patientResponsibility": 20.00, "adjustments": [
                           {"groupCode": "CO", "reasonCode": "45", "amount": 30.00, "text": "Contractual obligation: the charge exceeds the fee schedule or maximum allowable amount (CO-45)"},
                           {"groupCode": "PR", "reasonCode": "2", "amount": 20.00, "text": "Patient responsibility: coinsurance amount (PR-2)"}]},
                        {"lineNumber": 2, "procedureCode": "81002", "modifiers": [], "serviceDate": "2026-11-20", "charge": 25.50,
                         "allowed": 0.00, "paid": 0.00, "patientResponsibility": 0.00, "adjustments": [
                           {"groupCode": "CO", "reasonCode": "16", "remarkCode": "M51", "amount": 25.50, "text": "Contractual obligation: the claim lacks information or has submission or billing errors (CO-16, RARC M51)"}]}]}]}""")))
    @APIResponse(responseCode = "404", description = "No such claim in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdjudicationsResponse adjudications(@PathParam("id") UUID id) {
        return new AdjudicationsResponse(id, adjudications.of(caller.get(), id).stream().map(AdjudicationsResponse.Item::of)
                .toList());
    }

    private static Response withVersion(ClaimView view) {
        return Response.ok(ClaimResponse.of(view)).tag(new EntityTag(Long.toString(view.claim().version()))).build();
    }
}
