package dev.revcycle.collections.api;

import dev.revcycle.collections.app.CollectionStatuses;
import dev.revcycle.collections.app.Holds;
import dev.revcycle.collections.app.Notes;
import dev.revcycle.collections.domain.Hold;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.common.idempotency.IdempotentResponse;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
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

@Path("/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "An account's collection status, holds and notes")
public class AccountResource {
    static final String READERS = "Roles: collector, admin, biller, auditor. An account of a practice not in the token → 404.";
    static final String WRITERS = "Roles: collector, admin. An account of a practice not in the token → 404.";
    static final String BANKRUPTCY = """
            {"type":"BANKRUPTCY","note":"Chapter 7 notice received by mail","reference":"LTR-2026-114",
             "bankruptcy":{"chapter":7,"caseNumber":"26-10442","filingDate":"2026-11-20"}}""";
    static final String ATTORNEY = """
            {"type":"ATTORNEY","attorney":{"firm":"Hale & Ortiz LLP","contact":"J. Ortiz, 555-0142",
             "letterOfProtection":true,"expectedSettlementDate":"2027-06-30","expectedSettlementAmount":2500.00}}""";
    static final String DISPUTE = """
            {"type":"DISPUTE","until":"2027-01-15","dispute":{"disputed":"the 2026-10-02 lab charge"}}""";

    @Inject
    CollectionStatuses statuses;

    @Inject
    Holds holds;

    @Inject
    Notes notes;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Path("/collection-status")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "An account's collection status",
            description = "Balances, aging bucket (by the oldest open date of service at `asOf`, today by default), "
                    + "active holds, dunning level, plan, placement, last statement, promise to pay and the next action. "
                    + READERS)
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = Views.StatusView.class)))
    @APIResponse(responseCode = "400", description = "asOf is not a date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.StatusView status(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return Views.StatusView.of(statuses.of(caller.get(), id, Params.date("asOf", asOf)));
    }

    @POST
    @Path("/holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Place a hold on an account",
            description = "Stops statements and placement (bankruptcy: plan follow-up too), whatever the balance, zero "
                    + "too. Type-specific details: `bankruptcy` {chapter 7/11/13, caseNumber, filingDate}, `probate` "
                    + "{estateContact, claimDeadline?}, `attorney` {firm, contact, letterOfProtection, "
                    + "expectedSettlementDate?, expectedSettlementAmount?}, `dispute` {disputed}; RETURNED_MAIL has none. "
                    + "Publishes CollectionHoldPlaced. A second active hold of the same type → 409 `hold-already-active`. "
                    + WRITERS)
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.HoldRequest.class), examples = {
            @ExampleObject(name = "bankruptcy", value = BANKRUPTCY), @ExampleObject(name = "attorney", value = ATTORNEY),
            @ExampleObject(name = "dispute", value = DISPUTE)}))
    @APIResponse(responseCode = "201", description = "The hold", content = @Content(schema = @Schema(implementation = Views.HoldView.class)))
    @APIResponse(responseCode = "400", description = "A field missing, of the wrong type or for another type of hold", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "hold-already-active (with existingHoldId)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response place(@PathParam("id") UUID id, Requests.HoldRequest body) {
        Hold hold = holds.place(caller.get(), id, body == null ? null : body.terms());
        return Response.created(uri.getBaseUriBuilder().path("accounts").path(id.toString()).path("holds")
                .path(hold.id().toString()).build()).entity(Views.HoldView.of(hold, LocalDate.now(clock))).build();
    }

    @GET
    @Path("/holds")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "An account's holds, newest first", description = "Active, expired and released (up to 200). " + READERS)
    @APIResponse(responseCode = "200", description = "The holds", content = @Content(schema = @Schema(implementation = Views.HoldView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such account in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Views.HoldView> holds(@PathParam("id") UUID id) {
        LocalDate today = LocalDate.now(clock);
        return holds.list(caller.get(), id).stream().map(h -> Views.HoldView.of(h, today)).toList();
    }

    @GET
    @Path("/holds/{holdId}")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "One hold of an account", description = READERS)
    @APIResponse(responseCode = "200", description = "The hold", content = @Content(schema = @Schema(implementation = Views.HoldView.class)))
    @APIResponse(responseCode = "404", description = "No such account or hold in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.HoldView hold(@PathParam("id") UUID id, @PathParam("holdId") UUID holdId) {
        return Views.HoldView.of(holds.get(caller.get(), id, holdId), LocalDate.now(clock));
    }

    @DELETE
    @Path("/holds/{holdId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Release a hold",
            description = "Body `{reason}` (required). The hold stays in the account's history as RELEASED; publishes "
                    + "CollectionHoldReleased (reason RELEASED). A bankruptcy that was discharged is ended with "
                    + "`POST …/discharge` instead (it writes the balance off). Already ended → 409 `hold-not-active`. " + WRITERS)
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.ReleaseRequest.class),
            examples = @ExampleObject(name = "release", value = "{\"reason\":\"dispute resolved: charge explained by phone\"}")))
    @APIResponse(responseCode = "200", description = "The released hold", content = @Content(schema = @Schema(implementation = Views.HoldView.class)))
    @APIResponse(responseCode = "400", description = "No reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account or hold in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "hold-not-active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.HoldView release(@PathParam("id") UUID id, @PathParam("holdId") UUID holdId, Requests.ReleaseRequest body) {
        return Views.HoldView.of(holds.release(caller.get(), id, holdId, body == null ? null : body.reason()),
                LocalDate.now(clock));
    }

    @POST
    @Path("/holds/{holdId}/discharge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Record a bankruptcy discharge",
            description = "Ends the BANKRUPTCY hold (DISCHARGED) and asks payments to write the patient balance off as "
                    + "bad debt (`WriteOffRequested` BAD_DEBT; none when nothing is owed), then CollectionHoldReleased. "
                    + "Requires an `Idempotency-Key` (it moves money): the same key and body answer the first response. "
                    + "Another type of hold → 422 `not-a-bankruptcy-hold`; already ended → 409. " + WRITERS)
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.DischargeRequest.class),
            examples = @ExampleObject(name = "discharge", value = "{\"dischargedOn\":\"2027-03-02\",\"note\":\"order of discharge received\"}")))
    @APIResponse(responseCode = "200", description = "The discharged hold and the write-off asked for", content = @Content(schema = @Schema(implementation = Views.DischargedView.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or a bad date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account or hold in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "hold-not-active, or a request with this key still running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "not-a-bankruptcy-hold, or the key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discharge(@PathParam("id") UUID id, @PathParam("holdId") UUID holdId,
                              @HeaderParam(IdempotencyKeys.HEADER) String key, Requests.DischargeRequest body) {
        Caller c = caller.get();
        return idempotency.execute("POST /accounts/holds/discharge|" + c.subject(), key, true,
                Map.of("account", id, "hold", holdId, "body", body == null ? Map.of() : body),
                () -> IdempotentResponse.ok(Views.DischargedView.of(holds.discharge(c, id, holdId,
                        body == null ? null : new Holds.Discharge(body.dischargedOn(), body.note())), LocalDate.now(clock))));
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Add a note to the account's log",
            description = "kind CALL, LETTER, EMAIL, INQUIRY, COMPLAINT or PROMISE_TO_PAY; a promise needs `followUpOn` "
                    + "(the day promised, today or later) and may carry `promisedAmount`: the work queue leaves the account "
                    + "alone until that day. " + WRITERS)
    @RequestBody(content = @Content(schema = @Schema(implementation = Requests.NoteRequest.class), examples = {
            @ExampleObject(name = "promise", value = "{\"kind\":\"PROMISE_TO_PAY\",\"text\":\"will pay on payday\",\"followUpOn\":\"2026-12-15\",\"promisedAmount\":50.00}"),
            @ExampleObject(name = "call", value = "{\"kind\":\"CALL\",\"text\":\"asked for an itemised statement\"}")}))
    @APIResponse(responseCode = "201", description = "The note", content = @Content(schema = @Schema(implementation = Views.NoteView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addNote(@PathParam("id") UUID id, Requests.NoteRequest body) {
        Views.NoteView note = Views.NoteView.of(notes.add(caller.get(), id, body == null ? null : body.terms()));
        return Response.created(uri.getBaseUriBuilder().path("accounts").path(id.toString()).path("notes").build())
                .entity(note).build();
    }

    @GET
    @Path("/notes")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "The account's notes, newest first", description = "Paged (`page` from 0, `size` ≤ 200). " + READERS)
    @APIResponse(responseCode = "200", description = "A page of notes")
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Views.NoteView> notes(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return notes.list(caller.get(), id, paging.request()).map(Views.NoteView::of);
    }
}
