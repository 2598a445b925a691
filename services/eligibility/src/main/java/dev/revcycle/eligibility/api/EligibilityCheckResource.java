package dev.revcycle.eligibility.api;

import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.eligibility.app.BatchChecking;
import dev.revcycle.eligibility.app.CheckRecords;
import dev.revcycle.eligibility.app.CheckingEligibility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

@Path("/eligibility-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility checks", description = "X12 270/271 with the payer: is the coverage active on the service date, and the patient's costs")
public class EligibilityCheckResource {
    static final String ROLES = "Roles: registrar, biller, admin.";

    @Inject
    CheckingEligibility checking;

    @Inject
    BatchChecking batch;

    @Inject
    CheckRecords records;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Check a coverage's eligibility",
            description = "Sends an X12 005010X279A1 270 for the coverage and service date through the clearinghouse and "
                    + "records what the 271 says (ACTIVE or INACTIVE with plan dates and benefits), then publishes "
                    + "EligibilityVerified. A payer's answer for the same coverage and service date from the last 24 hours is "
                    + "given again (200) unless refresh=true; a failed check (ERROR) is always asked again. When the "
                    + "clearinghouse times out, cannot be reached or fails (5xx), or its 271 cannot be read, the check is "
                    + "recorded with status ERROR and the reason (201). " + ROLES)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CheckRequest.class),
            examples = @ExampleObject(name = "before a visit", value = """
                    {"coverageId":"9d2e7c1a-3b4f-4e8d-a1c2-6f5e4d3c2b1a","serviceDate":"2026-03-05","serviceTypeCodes":["30"]}""")))
    @APIResponse(responseCode = "201", description = "Checked now; Location points to the check",
            content = @Content(schema = @Schema(implementation = CheckResponse.class),
                    examples = @ExampleObject(name = "active", value = """
                            {"id":"5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","coverageId":"9d2e7c1a-3b4f-4e8d-a1c2-6f5e4d3c2b1a",
                             "patientId":"3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11","practiceId":"north-clinic","serviceDate":"2026-03-05",
                             "serviceTypeCodes":["30"],"status":"ACTIVE","planBegin":"2026-01-01","planEnd":"2026-12-31",
                             "benefits":{"copay":25.00,"coinsurancePercent":20.00,"deductible":1500.00,"deductibleRemaining":500.00,
                                         "outOfPocket":6000.00,"outOfPocketRemaining":4500.00},
                             "rejections":[],"checkedAt":"2026-03-04T15:02:11Z"}""")))
    @APIResponse(responseCode = "200", description = "The payer's answer from the last 24 hours, given again",
            content = @Content(schema = @Schema(implementation = CheckResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such coverage in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The coverage is terminated, or the service date is outside its dates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside", value = """
                            {"type":"https://revcycle.dev/problems/service-date-outside-coverage","title":"The service date is outside the coverage's dates",
                             "status":422,"detail":"The service date is before the coverage's effective date"}""")))
    public Response check(
            CheckRequest request,
            @Parameter(description = "Ask the payer even if it answered in the last 24 hours") @QueryParam("refresh") boolean refresh) {
        Violations.required("body", request);
        CheckingEligibility.Checked checked = checking.check(caller.get(), request.coverageId(), request.serviceDate(),
                request.serviceTypeCodes(), refresh);
        CheckResponse body = CheckResponse.of(checked.check());
        if (checked.reused()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("eligibility-checks").path(body.id().toString()).build())
                .entity(body).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Check a day's appointment list",
            description = "Checks every active coverage covering the service date of each patient (at most 200), primary "
                    + "first, the same way as a single check (answers from the last 24 hours are given again unless "
                    + "refresh=true). One result per patient, in the order asked: its checks, or an error such as "
                    + "\"unknown patient\" (also for a patient of another practice; that attempt is audited) or \"no active coverage\". " + ROLES)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BatchRequest.class),
            examples = @ExampleObject(name = "tomorrow", value = """
                    {"serviceDate":"2026-03-06","patientIds":["3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11","7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"]}""")))
    @APIResponse(responseCode = "200", description = "One result per patient",
            content = @Content(schema = @Schema(implementation = BatchResponse.class),
                    examples = @ExampleObject(name = "one without coverage", value = """
                            {"serviceDate":"2026-03-06","results":[
                              {"patientId":"3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11","checks":[{"id":"5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","status":"ACTIVE"}]},
                              {"patientId":"7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d","checks":[],"error":"no active coverage"}]}""")))
    @APIResponse(responseCode = "400", description = "serviceDate missing, no patients or more than 200", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchResponse checkBatch(
            BatchRequest request,
            @Parameter(description = "Ask the payer even if it answered in the last 24 hours") @QueryParam("refresh") boolean refresh) {
        Violations.required("body", request);
        List<BatchResponse.PatientResult> results = batch.check(caller.get(), request.serviceDate(), request.patientIds(),
                        request.serviceTypeCodes(), refresh)
                .stream()
                .map(r -> new BatchResponse.PatientResult(r.patientId(),
                        r.checks().stream().map(c -> CheckResponse.of(c.check())).toList(), r.error()))
                .toList();
        return new BatchResponse(request.serviceDate(), results);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read an eligibility check", description = ROLES)
    @APIResponse(responseCode = "200", description = "The check", content = @Content(schema = @Schema(implementation = CheckResponse.class)))
    @APIResponse(responseCode = "404", description = "No such check in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckResponse get(@PathParam("id") UUID id) {
        return CheckResponse.of(records.get(caller.get(), id));
    }

    @GET
    @Path("/{id}/x12/270")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "The 270 as sent", description = "The raw X12 interchange; it carries PHI and its reading is audited. " + ROLES)
    @APIResponse(responseCode = "200", description = "The 270", content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class),
            examples = @ExampleObject(name = "270", value = "ISA*00*          *00*          *ZZ*REVCYCLE       *ZZ*PAYERSANDBOX   *260305*1407*^*00501*000000042*0*T*:~GS*HS*REVCYCLE*PAYERSANDBOX*20260305*1407*42*X*005010X279A1~ST*270*0001*005010X279A1~…")))
    @APIResponse(responseCode = "404", description = "No such check in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request270(@PathParam("id") UUID id) {
        return Response.ok(records.request(caller.get(), id), MediaType.TEXT_PLAIN).build();
    }

    @GET
    @Path("/{id}/x12/271")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "The 271 as received",
            description = "The raw X12 interchange the clearinghouse answered with (also when it could not be read); it carries "
                    + "PHI and its reading is audited. " + ROLES)
    @APIResponse(responseCode = "200", description = "The 271", content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class),
            examples = @ExampleObject(name = "271", value = "ISA*00*          *00*          *ZZ*PAYERSANDBOX   *ZZ*REVCYCLE       *260305*1407*^*00501*000000042*0*T*:~GS*HB*PAYERSANDBOX*REVCYCLE*20260305*1407*42*X*005010X279A1~ST*271*0001*005010X279A1~…")))
    @APIResponse(responseCode = "404", description = "No such check in the token's practices, or no 271 was received (the clearinghouse timed out or failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response response271(@PathParam("id") UUID id) {
        String x271 = records.response(caller.get(), id)
                .orElseThrow(() -> new NotFound("271 (none was received for this check)"));
        return Response.ok(x271, MediaType.TEXT_PLAIN).build();
    }
}
