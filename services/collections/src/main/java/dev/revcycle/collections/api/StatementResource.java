package dev.revcycle.collections.api;

import dev.revcycle.collections.app.IssuingStatements;
import dev.revcycle.collections.domain.StatementDocument;
import dev.revcycle.collections.domain.StatementLine;
import dev.revcycle.collections.forms.StatementPdf;
import dev.revcycle.collections.forms.StatementRunPdf;
import dev.revcycle.collections.domain.StatementRun;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.Caller;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Statements", description = "Statement runs, patient statements and their PDFs")
public class StatementResource {
    static final String PDF = "application/pdf";

    @Inject
    IssuingStatements issuing;

    @Inject
    CurrentCaller caller;

    public record StatementRunRequest(String practiceId, LocalDate asOf) {
    }

    public record StatementRunView(UUID id, String practiceId, LocalDate asOf, String status, Map<String, Integer> counts,
                                   BigDecimal amountDue, String startedBy, Instant startedAt, Instant completedAt) {
        static StatementRunView of(StatementRun r) {
            return new StatementRunView(r.id(), r.practiceId(), r.asOf(), r.status(), Map.of("ISSUED", r.issued(),
                    "SMALL_BALANCE_WRITE_OFF", r.smallBalance(), "SKIPPED_HOLD", r.skippedHold(), "SKIPPED_UNDELIVERABLE",
                    r.skippedUndeliverable(), "SKIPPED_PLAN", r.skippedPlan(), "SKIPPED_PLACED", r.skippedPlaced()),
                    r.amountDue(), r.startedBy(), r.startedAt(), r.completedAt());
        }
    }

    public record LineView(LocalDate serviceDate, String description, BigDecimal charges, BigDecimal insurancePaid,
                           BigDecimal adjustments, BigDecimal patientPaid, BigDecimal balance) {
        static LineView of(StatementLine l) {
            return new LineView(l.serviceDate(), l.description(), l.charge(), l.insurancePaid(), l.adjustments(),
                    l.patientPaid(), l.balance());
        }
    }

    public record StatementView(UUID id, String practiceId, UUID accountId, String name, List<String> address,
                                LocalDate statementDate, LocalDate dueDate, String level, String message,
                                List<LineView> lines, BigDecimal amountDue) {
        static StatementView of(StatementDocument d) {
            return new StatementView(d.statementId(), d.practiceId(), d.accountId(), d.patientName(), d.addressLines(),
                    d.statementDate(), d.dueDate(), d.level().name(), d.message(), d.lines().stream().map(LineView::of).toList(),
                    d.amountDue());
        }

        @Override
        public String toString() {
            return "StatementView[id=" + id + "]";
        }
    }

    @POST
    @Path("statement-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "StatementRun the practice's statements for a date",
            description = "Every account of the practice with a patient balance due in the cycle (never stated, or last "
                    + "stated statementCycleDays or more before asOf) gets a statement at its next dunning level (STATEMENT, "
                    + "REMINDER, PAST_DUE, FINAL_NOTICE), due 21 days after asOf; accounts placed, on hold, with an "
                    + "undeliverable address or on a current plan are skipped, a balance under the small-balance threshold "
                    + "gets one SMALL_BALANCE WriteOffRequested instead (once per balance). `StatementIssued` per statement. "
                    + "The same practice and date again → 200 with the first run, nothing issued twice. Roles: collector, admin.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StatementRunRequest.class),
            examples = @ExampleObject(name = "run", value = "{\"practiceId\":\"clinic-a\",\"asOf\":\"2026-12-01\"}")))
    @APIResponse(responseCode = "201", description = "The run, with its counts by outcome",
            content = @Content(schema = @Schema(implementation = StatementRunView.class)))
    @APIResponse(responseCode = "200", description = "The practice's run of that date, already made")
    @APIResponse(responseCode = "400", description = "practiceId or asOf missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(StatementRunRequest body) {
        IssuingStatements.Started started = issuing.run(caller.get(), body == null ? null : body.practiceId(),
                body == null ? null : body.asOf());
        StatementRunView view = StatementRunView.of(started.run());
        return started.created() ? Response.created(URI.create("/statement-runs/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("statement-runs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "A statement run and its counts by outcome",
            description = "Roles: collector, admin, biller, auditor. Another practice's run → 404.")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = StatementRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatementRunView getRun(@PathParam("id") UUID id) {
        return StatementRunView.of(issuing.findRun(caller.get(), id));
    }

    @GET
    @Path("statement-runs/{id}/pdf")
    @Produces(PDF)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "All of a run's statements in one PDF, for the print vendor",
            description = "Rendered while it streams, a statement at a time, in account order. "
                    + "Roles: collector, admin, biller, auditor. Another practice's run → 404.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF))
    @APIResponse(responseCode = "404", description = "No such run, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response runPdf(@PathParam("id") UUID id) {
        Caller c = caller.get();
        StatementRun run = issuing.findRunToPrint(c, id);
        StreamingOutput body = out -> StatementRunPdf.write(issuing.documents(c, run, 200), out);
        return Response.ok(body, PDF)
                .header("Content-Disposition", "attachment; filename=\"statements-" + run.practiceId() + "-" + run.asOf() + ".pdf\"")
                .build();
    }

    @GET
    @Path("statements/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "A patient statement",
            description = "The addressee, the services (one line per claim line: charges, insurance paid, adjustments, "
                    + "patient paid, balance) as of the statement date, the amount due, the due date and the level's message. "
                    + "Roles: collector, admin, biller, auditor. Another practice's statement → 404.")
    @APIResponse(responseCode = "200", description = "The statement",
            content = @Content(schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "404", description = "No such statement, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatementView get(@PathParam("id") UUID id) {
        return StatementView.of(issuing.find(caller.get(), id));
    }

    @GET
    @Path("statements/{id}/pdf")
    @Produces(PDF)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "A patient statement as a PDF",
            description = "Drawn on demand (Apache PDFBox). Roles: collector, admin, biller, auditor. Another practice's → 404.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF))
    @APIResponse(responseCode = "404", description = "No such statement, or another practice's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("id") UUID id) {
        StatementDocument d = issuing.find(caller.get(), id);
        return Response.ok(StatementPdf.render(d), PDF)
                .header("Content-Disposition", "inline; filename=\"statement-" + d.statementId() + ".pdf\"").build();
    }
}
