package dev.revcycle.payments.api;

import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.app.PaymentBatches;
import dev.revcycle.payments.app.PaymentBatches.BatchView;
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

@Path("/payment-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lockbox files", description = "A bank's lockbox deposits as CSV, one payment per item")
public class PaymentBatchResource {
    static final String EXAMPLE = """
            lockbox,deposit_date,batch_id,item_id,account_id,patient_control_number,amount,check_number,payer_name
            4471,2026-11-30,001,0001,6f1c2b9e-8d4a-4e53-9a0e-2f6b7c1d3e40,PCN00012345,125.00,10234,Ana Lopez
            4471,2026-11-30,001,0002,0b7e9c44-1f2a-4d7b-8e6c-5a3d2f1e0c99,,40.00,551,"Smith, John"
            """;

    @Inject
    PaymentBatches batches;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @POST
    @Consumes("text/csv")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Post a lockbox file",
            description = "CSV with a header line. Columns (any order): batch_id, item_id, deposit_date (YYYY-MM-DD or "
                    + "MM/DD/YYYY), amount (dollars, at most two decimals, > 0) and account_id or patient_id are required; "
                    + "lockbox, patient_control_number, check_number, payer_name are optional; any other column is refused. "
                    + "Each item becomes a payment with method and source LOCKBOX, applied like a partner payment (the "
                    + "claim of its patient control number, then the oldest patient balances, a bad-debt recovery, a "
                    + "credit; PaymentPosted). Answers per line: POSTED with the payment and how it was applied; DUPLICATE "
                    + "(the item's bank reference — lockbox, deposit date, batch, item — was posted before: its payment "
                    + "id, nothing posted again); REJECTED with reasonCode and reason (account-not-found, "
                    + "account-mismatch, item-reference-reused, not-postable) — the file's other lines are posted. A "
                    + "malformed file is a 422 malformed-lockbox-file naming the line and column, and posts nothing. "
                    + "practiceId may be left out when the token names one practice. Roles: poster, admin.")
    @APIResponse(responseCode = "201", description = "The file was read; every line's outcome",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "practiceId is missing and the token names several practices",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over the size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed file (details: line, column, errors[]); nothing posted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(@Parameter(description = "One of the token's practices; optional when the token names one")
                         @QueryParam("practiceId") String practiceId,
                         @RequestBody(required = true, content = @Content(mediaType = "text/csv",
                                 schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                                 examples = @ExampleObject(name = "lockbox", value = EXAMPLE))) byte[] body) {
        Caller who = caller.get();
        BatchView batch = batches.post(who, practice(who, practiceId), body);
        return Response.created(uri.getBaseUriBuilder().path("payment-batches").path(batch.id().toString()).build())
                .entity(batch).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Read a lockbox batch",
            description = "The batch's totals and a page of its lines in file order, each with its outcome; "
                    + "outcome=REJECTED lists the items waiting for a poster. Roles: poster, admin, biller, collector, auditor.")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "Bad page, size or outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such batch in the token's practices",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchView get(@PathParam("id") String id,
                         @Parameter(schema = @Schema(enumeration = {"POSTED", "DUPLICATE", "REJECTED"}))
                         @QueryParam("outcome") String outcome,
                         @BeanParam PageParams paging) {
        UUID batchId = Params.requiredUuid("id", id);
        String wanted = null;
        if (outcome != null && !outcome.isBlank()) {
            wanted = outcome.trim().toUpperCase(java.util.Locale.ROOT);
            if (!java.util.Set.of(PaymentBatches.POSTED, PaymentBatches.DUPLICATE, PaymentBatches.REJECTED).contains(wanted)) {
                throw Violations.of("outcome", "must be POSTED, DUPLICATE or REJECTED");
            }
        }
        return batches.get(caller.get(), batchId, wanted, paging.request());
    }

    private static String practice(Caller caller, String practiceId) {
        if (practiceId != null) {
            return PracticeCode.required("practiceId", practiceId);
        }
        if (caller.practices().size() == 1) {
            return caller.practices().iterator().next();
        }
        throw Violations.of("practiceId", "is required when the token names several practices");
    }
}
