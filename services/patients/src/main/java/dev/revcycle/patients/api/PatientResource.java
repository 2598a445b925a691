package dev.revcycle.patients.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.common.api.MergePatch;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.common.idempotency.IdempotentResponse;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import dev.revcycle.patients.app.ChangingPatients;
import dev.revcycle.patients.app.FindingPatients;
import dev.revcycle.patients.app.PatientView;
import dev.revcycle.patients.app.RegisteringPatients;
import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.PatientSearch;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Registration and maintenance of patient demographics")
public class PatientResource {
    static final String WRITERS = "Roles: registrar, admin.";
    static final String READERS = "Roles: registrar, biller, poster, collector, admin.";
    
    @Inject
    RegisteringPatients registering;

    @Inject
    ChangingPatients changing;

    @Inject
    FindingPatients finding;

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
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "Register a patient",
            description = "Registers a patient and publishes PatientRegistered. A patient of the same practice with the same "
                    + "name and date of birth answers 409 with the candidate ids, unless allowDuplicate=true. An optional "
                    + "Idempotency-Key makes a retried registration answer the first response instead of registering twice. "
                    + WRITERS)
    @APIResponse(responseCode = "201", description = "Registered; Location points to the patient",
            content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid state", value = """
                            {"type":"https://revcycle.dev/problems/validation","title":"The request is not valid","status":400,
                             "detail":"address.state: must be a US state code (e.g. NY)",
                             "errors":[{"field":"address.state","message":"must be a US state code (e.g. NY)"}]}""")))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Possible duplicate (candidates listed), or a request with this Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = """
                            {"type":"https://revcycle.dev/problems/duplicate-patient","title":"A patient with the same name and date of birth is already registered",
                             "status":409,"detail":"Review the candidates; register anyway with ?allowDuplicate=true",
                             "candidates":["3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11"]}""")))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(
            @RequestBody(required = true) PatientRequest request,
            @Parameter(description = "Register even if a patient with the same name and date of birth exists")
            @QueryParam("allowDuplicate") boolean allowDuplicate,
            @Parameter(description = "Optional: a unique key per registration, so a retry cannot register twice")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations.required("body", request);
        String practiceId = PracticeCode.required("practiceId", request.practiceId());
        return idempotency.execute("POST /patients|" + caller.get().subject(), idempotencyKey, false,
                Map.of("request", request, "allowDuplicate", allowDuplicate), () -> {
                    PatientView created = registering.register(caller.get(), practiceId, request.toDemographics(), allowDuplicate);
                    return IdempotentResponse.created(PatientResponse.of(created),
                            uri.getBaseUriBuilder().path("patients").path(created.id().toString()).build());
                });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.POSTER, Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Read a patient", description = "Every read is recorded in the PHI audit. The ETag is the version. " + READERS)
    @APIResponse(responseCode = "200", description = "The patient", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), finding.get(caller.get(), id));
    }

    @GET
    @RolesAllowed({Roles.REGISTRAR, Roles.BILLER, Roles.POSTER, Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Search patients",
            description = "Filters combine. name is a case-insensitive prefix of the last name, or 'last, first' to narrow "
                    + "by first name too. Only the token's practices are searched; merged records are left out. Results are "
                    + "ordered by practice, last name, first name. " + READERS)
    @APIResponse(responseCode = "200", description = "One page of patients", content = @Content(schema = @Schema(implementation = PatientPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PatientPage search(
            @Parameter(description = "Prefix of the last name, or 'last, first'", example = "smi") @QueryParam("name") String name,
            @Parameter(description = "Exact date of birth", example = "1984-03-09") @QueryParam("dateOfBirth") String dateOfBirth,
            @Parameter(description = "Exact medical record number", example = "M100000001") @QueryParam("mrn") String mrn,
            @Parameter(description = "One of the token's practices") @QueryParam("practiceId") String practiceId,
            @BeanParam PageParams paging) {
        PageRequest pageRequest = paging.request();
        String cleanName = name == null || name.isBlank() ? null : name.trim();
        if (cleanName != null && cleanName.length() > 60) {
            throw Violations.of("name", "must be at most 60 characters");
        }
        PatientSearch criteria = new PatientSearch(cleanName, Params.date("dateOfBirth", dateOfBirth), mrn == null || mrn.isBlank() ? null : mrn.trim(), false);
        Page<PatientResponse> found = finding.search(caller.get(), criteria, practiceId, pageRequest).map(PatientResponse::of);
        return new PatientPage(found.items(), found.page(), found.size(), found.total(), found.totalExact());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "Change a patient's demographics",
            description = "A JSON merge patch (RFC 7396): fields present replace the current values, null clears an optional "
                    + "field. Publishes PatientUpdated with the changed fields; a new address clears an undeliverable flag "
                    + "(PatientAddressCorrected). Send If-Match with the version you read to refuse a lost update (412). " + WRITERS)
    @APIResponse(responseCode = "200", description = "The patient after the change", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or practiceId was sent (a patient cannot change practice)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient was merged into another record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") UUID id,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PatientRequest.class),
                                   examples = @ExampleObject(name = "new phone", value = "{\"phone\": \"2175550123\"}")))
                           JsonNode patch,
                           @Parameter(description = "The version you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        ObjectNode changes = MergePatch.requireObject(patch);
        if (changes.has("practiceId")) {
            throw Violations.of("practiceId", "cannot be changed");
        }
        PatientView changed = changing.change(caller.get(), id, Params.ifMatchVersion(ifMatch),
                current -> applyPatch(current, changes), changes.has("ssn"));
        return withVersion(Response.ok(), changed);
    }

    @POST
    @Path("/{id}/returned-mail")
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "Record returned mail",
            description = "Marks the address undeliverable (PatientAddressUndeliverable) until a new address is entered. "
                    + "Recording it again changes nothing. " + WRITERS)
    @APIResponse(responseCode = "200", description = "The patient, addressUndeliverable true", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient was merged into another record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response returnedMail(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), changing.markReturnedMail(caller.get(), id));
    }

    @POST
    @Path("/{id}/deceased")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "Record a patient's death",
            description = "Publishes PatientDeceased (collections opens a probate hold). The same date again changes nothing; "
                    + "a different date is a 409. " + WRITERS)
    @APIResponse(responseCode = "200", description = "The patient with dateOfDeath", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "dateOfDeath missing, in the future or before the date of birth", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another date of death is recorded, or the patient was merged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deceased(@PathParam("id") UUID id, DeathRequest request) {
        Violations.required("body", request);
        return withVersion(Response.ok(), changing.recordDeath(caller.get(), id, request.dateOfDeath()));
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    @Operation(summary = "Merge a duplicate into this patient",
            description = "Keeps this patient, retires duplicateId (status MERGED, mergedInto this id) and publishes PatientMerged. "
                    + "Both must belong to the same practice. " + WRITERS)
    @APIResponse(responseCode = "200", description = "The surviving patient", content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "400", description = "duplicateId missing or the same patient", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Either patient is not in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Either record was already merged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response merge(@PathParam("id") UUID id, MergeRequest request) {
        Violations.required("body", request);
        return withVersion(Response.ok(), changing.merge(caller.get(), id, request.duplicateId()));
    }

    private Demographics applyPatch(Demographics current, ObjectNode patch) {
        return MergePatch.apply(json, PatientRequest.of(current), patch, PatientRequest.class).toDemographics();
    }

    private static Response withVersion(Response.ResponseBuilder builder, PatientView view) {
        return builder.entity(PatientResponse.of(view)).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
