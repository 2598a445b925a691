package dev.revcycle.collections.api;

import dev.revcycle.collections.app.PaymentPlans;
import dev.revcycle.collections.domain.Installment;
import dev.revcycle.collections.domain.PlanRecord;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/payment-plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payment plans", description = "Installment plans, their payments, lapses and renegotiation")
public class PaymentPlanResource {
    static final String EXAMPLE = """
            {"accountId":"6f1c2b9e-8d4a-4e53-9a0e-2f6b7c1d3e40","totalAmount":600.00,"installmentAmount":100.00,
             "frequency":"MONTHLY","firstDueDate":"2027-01-05"}""";

    @Inject
    PaymentPlans plans;

    @Inject
    CurrentCaller caller;

    public record LapseCheckRequest(LocalDate asOf) {
    }

    public record InstallmentView(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid) {
        static InstallmentView of(Installment i) {
            return new InstallmentView(i.number(), i.dueDate(), i.amount(), i.paid());
        }
    }

    public record PlanView(UUID id, UUID accountId, String practiceId, String status, BigDecimal totalAmount,
                           BigDecimal installmentAmount, String frequency, LocalDate firstDueDate, BigDecimal paid,
                           BigDecimal remaining, LocalDate nextDueDate, List<InstallmentView> installments, LocalDate lapsedOn,
                           UUID renegotiatedFrom, UUID renegotiatedTo, String createdBy, Instant createdAt) {
        static PlanView of(PlanRecord s) {
            var p = s.plan();
            return new PlanView(s.id(), s.accountId(), s.practiceId(), p.status().name(), p.terms().totalAmount(),
                    p.terms().installmentAmount(), p.terms().frequency().name(), p.terms().firstDueDate(), p.paid(),
                    p.remaining(), p.nextDue().map(Installment::dueDate).orElse(null),
                    p.installments().stream().map(InstallmentView::of).toList(), s.lapsedOn(), s.renegotiatedFrom(),
                    s.renegotiatedTo(), s.createdBy(), s.createdAt());
        }
    }

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Agree a payment plan",
            description = "Installments of installmentAmount (the last one what remains), MONTHLY (same day of the month) "
                    + "or BIWEEKLY, from firstDueDate (today to 90 days ahead). Refused (422 `plan-refused`, every reason "
                    + "listed) when it never finishes (more than 60 monthly / 130 biweekly installments), the installment is "
                    + "under the practice's planMinimumInstallment or above the total, or the total exceeds the patient "
                    + "balance; 409 `plan-in-force` when the account has an active or lapsed plan. `PaymentPlanCreated`. "
                    + "Roles: collector, admin. Another practice's account → 404.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PaymentPlans.PlanRequest.class),
            examples = @ExampleObject(name = "plan", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The plan with its schedule",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or malformed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account, or another practice's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "plan-in-force",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "plan-refused, no-patient-balance",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(PaymentPlans.PlanRequest body) {
        PlanView view = PlanView.of(plans.create(caller.get(), body));
        return Response.created(URI.create("/payment-plans/" + view.id())).entity(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "A payment plan, its installments and what is paid of each",
            description = "Payments are counted to the installment due (the earliest unpaid). Roles: collector, admin, "
                    + "biller, auditor. Another practice's plan → 404.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another practice's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PlanView get(@PathParam("id") UUID id) {
        return PlanView.of(plans.get(caller.get(), id));
    }

    @POST
    @Path("{id}/renegotiate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Renegotiate a lapsed plan",
            description = "The lapsed plan becomes RENEGOTIATED and a new plan (same rules as POST /payment-plans, its "
                    + "renegotiatedFrom the old one) takes its place. A plan not lapsed → 409 `plan-not-lapsed`. "
                    + "Roles: collector, admin.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PaymentPlans.PlanRequest.class),
            examples = @ExampleObject(name = "new terms", value = "{\"totalAmount\":400.00,\"installmentAmount\":50.00,"
                    + "\"frequency\":\"BIWEEKLY\",\"firstDueDate\":\"2027-02-01\"}")))
    @APIResponse(responseCode = "201", description = "The new plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or malformed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or another practice's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "plan-not-lapsed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "plan-refused",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response renegotiate(@PathParam("id") UUID id, PaymentPlans.PlanRequest body) {
        PlanView view = PlanView.of(plans.renegotiate(caller.get(), id, body));
        return Response.created(URI.create("/payment-plans/" + view.id())).entity(view).build();
    }

    @POST
    @Path("lapse-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Lapse the plans with an installment missed past the grace period",
            description = "Every active plan of the caller's practices whose first unpaid installment was due more than "
                    + "the practice's gracePeriodDays before asOf becomes LAPSED (`PaymentPlanLapsed`) and its account goes "
                    + "to the work queue; a plan under a bankruptcy hold is left alone. Also run daily by the scheduler "
                    + "(`revcycle.plans.lapse-check-cron`, 02:30). Roles: collector, admin.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LapseCheckRequest.class),
            examples = @ExampleObject(name = "check", value = "{\"asOf\":\"2027-02-12\"}")))
    @APIResponse(responseCode = "200", description = "{asOf, checked, lapsed, heldForBankruptcy}",
            content = @Content(schema = @Schema(implementation = PaymentPlans.LapseCheck.class)))
    @APIResponse(responseCode = "400", description = "asOf missing or malformed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PaymentPlans.LapseCheck lapseCheck(LapseCheckRequest body) {
        return plans.lapseCheck(caller.get(), body == null ? null : body.asOf());
    }
}
