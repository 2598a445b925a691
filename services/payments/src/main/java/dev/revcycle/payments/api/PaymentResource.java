package dev.revcycle.payments.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.common.idempotency.IdempotentResponse;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.api.Requests.PaymentRequest;
import dev.revcycle.payments.api.Requests.ReversalRequest;
import dev.revcycle.payments.app.PartnerPayments;
import dev.revcycle.payments.app.PartnerPayments.Allocation;
import dev.revcycle.payments.app.PartnerPayments.PaymentCommand;
import dev.revcycle.payments.app.PartnerPayments.PaymentView;
import dev.revcycle.payments.app.Partners;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Partner and poster payments, and their reversal")
public class PaymentResource {
    public static final String SIGNATURE = "Revcycle-Signature";

    @Inject
    PartnerPayments payments;

    @Inject
    Partners partners;

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
    @RolesAllowed({Roles.PAYMENT_PARTNER, Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Post a payment", description = "Requires an Idempotency-Key (same key and body: the first "
            + "response again; another body: 422; still running: 409). A partner (role payment-partner, token sub = "
            + "partner id) with a signing secret must sign: Revcycle-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\">, "
            + "within 300 s. Allocations go to the given claims; the rest to the oldest patient balances, then recovers "
            + "a bad-debt write-off, then becomes a credit balance. Roles: payment-partner, poster, admin.")
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or missing Idempotency-Key")
    @APIResponse(responseCode = "401", description = "Unsigned, wrongly signed or stale request of a signing partner")
    @APIResponse(responseCode = "404", description = "No such account in the caller's practices")
    @APIResponse(responseCode = "409", description = "Same key still running, or the reference was posted already")
    @APIResponse(responseCode = "422", description = "The key was used with another body; or the month is closed")
    public Response post(@RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentRequest.class))) byte[] body,
                         @Parameter(required = true) @HeaderParam(IdempotencyKeys.HEADER) String key,
                         @HeaderParam(SIGNATURE) String signature) throws IOException {
        Caller c = caller.get();
        UUID partnerId = null;
        List<String> partnerPractices = null;
        if (c.hasRole(Roles.PAYMENT_PARTNER) && !c.hasRole(Roles.POSTER) && !c.hasRole(Roles.ADMIN)) {
            partnerId = partnerId(c.subject());
            Partners.PartnerCheck check = partners.check(partnerId, signature, body == null ? new byte[0] : body);
            if (check.problem() != null) {
                throw new UnauthorizedException(check.problem());
            }
            partnerPractices = check.practices();
        }
        if (body == null || body.length == 0) {
            throw Violations.of("body", "is required");
        }
        PaymentRequest r = json.readValue(body, PaymentRequest.class);
        if (partnerPractices != null && r.practiceId() != null && !partnerPractices.contains(r.practiceId())) {
            throw new NotFound("Account");
        }
        UUID partner = partnerId;
        PaymentCommand command = new PaymentCommand(r.practiceId(), r.accountId(), r.patientId(), r.amount(), r.method(),
                r.reference(), r.receivedAt(), r.allocations() == null ? null : r.allocations().stream()
                .map(a -> a == null ? null : new Allocation(a.claimId(), a.amount())).toList());
        return idempotency.execute("POST /payments|" + c.subject(), key, true, Map.of("request", r), () -> {
            PaymentView v = payments.post(c, partner, command);
            return IdempotentResponse.created(v, uri.getBaseUriBuilder().path("payments").path(v.id().toString()).build());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Read a payment", description = "Roles: poster, admin, biller, collector, auditor.")
    public PaymentView get(@PathParam("id") UUID id) {
        return payments.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Reverse a payment", description = "A returned check or chargeback: every entry of the payment is "
            + "reversed (PaymentReversed). Once only (409 after). Roles: poster, admin.")
    public PaymentView reverse(@PathParam("id") UUID id, ReversalRequest request) {
        Violations.required("body", request);
        return payments.reverse(caller.get(), id, request.reason());
    }

    private static UUID partnerId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnauthorizedException("a payment-partner token's sub must be the partner id");
        }
    }
}
