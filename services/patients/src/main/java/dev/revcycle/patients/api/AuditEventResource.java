package dev.revcycle.patients.api;

import dev.revcycle.common.audit.AuditEvent;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.patients.app.FindingPatients;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "PHI audit", description = "Who read or changed a patient's record")
public class AuditEventResource {
    @Inject
    FindingPatients finding;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "List the PHI access records of a patient",
            description = "One row per read or change of the patient, newest first, with actor, action, time and outcome "
                    + "(DENIED for an attempt from outside the patient's practice). A patient of another practice is not found, like "
                    + "every other read. Roles: auditor.")
    @APIResponse(responseCode = "200", description = "One page of audit records", content = @Content(schema = @Schema(implementation = AuditEventPage.class)))
    @APIResponse(responseCode = "400", description = "patientId missing or not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient in the token's practices (the attempt is audited)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditEventPage list(@Parameter(description = "The patient", required = true) @QueryParam("patientId") String patientId,
                               @BeanParam PageParams paging) {
        UUID id = Params.requiredUuid("patientId", patientId);
        Page<AuditEvent> events = finding.auditTrail(caller.get(), id, paging.request());
        return new AuditEventPage(events.items(), events.page(), events.size(), events.total());
    }
}
