package dev.revcycle.payments.api;

import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.common.idempotency.IdempotentResponse;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.api.Requests.AdjustmentRequest;
import dev.revcycle.payments.api.Requests.RefundRequest;
import dev.revcycle.payments.app.AccountView;
import dev.revcycle.payments.app.Corrections;
import dev.revcycle.payments.app.Ledgers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corrections", description = "Refunds, credit balances and manual adjustments")
public class CorrectionResource {
    @Inject
    Corrections corrections;

    @Inject
    Ledgers ledgers;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Refund out of a credit balance", description = "Up to the PATIENT (or PAYER) credit; above it 422. "
            + "Requires an Idempotency-Key. RefundIssued. Roles: poster, admin.")
    public Response refund(RefundRequest r, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Violations.required("body", r);
        Caller c = caller.get();
        return idempotency.execute("POST /refunds|" + c.subject(), key, true, Map.of("request", r), () ->
                new IdempotentResponse(201, corrections.refund(c, r.accountId(), r.amount(), r.reason(), r.payee()), null));
    }

    @POST
    @Path("adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Post a manual adjustment", description = "Reduces the balance of a responsibility with a CAS group "
            + "and CARC. Dated into a closed month: 422. Requires an Idempotency-Key. Roles: poster, admin.")
    public Response adjust(AdjustmentRequest r, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Violations.required("body", r);
        Caller c = caller.get();
        return idempotency.execute("POST /adjustments|" + c.subject(), key, true, Map.of("request", r), () ->
                new IdempotentResponse(201, corrections.adjust(c, r.accountId(), r.claimId(), r.amount(), r.responsibility(),
                        r.groupCode(), r.reasonCode(), r.remarkCode(), r.effectiveDate()), null));
    }

    @GET
    @Path("credit-balances")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Accounts in credit, oldest credit first", description = "Roles: poster, admin, biller, collector, auditor.")
    public Page<AccountView> credits(@QueryParam("practiceId") String practiceId, @BeanParam PageParams paging) {
        return ledgers.credits(caller.get(), PracticeCode.required("practiceId", practiceId), paging.request());
    }
}
