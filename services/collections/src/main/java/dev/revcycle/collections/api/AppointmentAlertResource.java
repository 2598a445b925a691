package dev.revcycle.collections.api;

import dev.revcycle.collections.app.AppointmentAlerts;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/appointment-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointment alerts", description = "What the front desk should know of the day's patients")
public class AppointmentAlertResource {
    @Inject
    AppointmentAlerts alerts;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRAR, Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "Alerts for a list of appointments",
            description = "For each appointment (1-500; dates from yesterday to a year ahead) whose patient has a past-due "
                    + "balance, a plan in arrears, a hold or a placement: the alerts and the amount to ask for. Holds other "
                    + "than returned mail and placements ask nothing on their account; a plan in arrears asks what is past "
                    + "due; a past-due balance (due date passed, or before any statement the oldest open date of service "
                    + "plus one statement cycle) asks the whole patient balance. A read: changes nothing. "
                    + "Roles: registrar, collector, admin, biller, auditor. A practice not in the token → 404.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.AlertRequest.class),
            examples = @ExampleObject(name = "day", value = "{\"practiceId\":\"p1\",\"appointments\":[{\"patientId\":\"0b7e9c44-1f2a-4d7b-8e6c-5a3d2f1e0c99\",\"date\":\"2026-12-03\"}]}")))
    @APIResponse(responseCode = "200", description = "The alerts (patients with nothing to say are left out)", content = @Content(schema = @Schema(implementation = Views.AlertsView.class)))
    @APIResponse(responseCode = "400", description = "A field missing, a bad date, too many appointments", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.AlertsView alerts(Requests.AlertRequest body) {
        Violations.required("body", body);
        List<AppointmentAlerts.Appointment> appointments = body.appointments() == null ? null : body.appointments().stream()
                .map(a -> a == null ? null : new AppointmentAlerts.Appointment(a.patientId(), a.date())).toList();
        return new Views.AlertsView(body.practiceId(), appointments == null ? 0 : appointments.size(),
                alerts.alerts(caller.get(), body.practiceId(), appointments).stream().map(Views.AlertView::of).toList());
    }
}
