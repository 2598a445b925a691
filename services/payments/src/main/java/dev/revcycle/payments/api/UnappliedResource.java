package dev.revcycle.payments.api;

import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.app.RemittanceViews.Applied;
import dev.revcycle.payments.app.RemittanceViews.UnappliedPage;
import dev.revcycle.payments.app.Remittances;
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
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/unapplied")
@Produces(MediaType.APPLICATION_JSON)
public class UnappliedResource {

    /** Where an unapplied item's money goes. */
    public record ApplyRequest(@Schema(required = true) UUID accountId, @Schema(required = true) UUID claimId) {
    }

    @Inject
    Remittances remittances;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Open unapplied cash of the caller's practices",
            description = "Remittance claims of one practice that matched no claim (or could not be posted "
                    + "automatically), oldest first, optionally of one trace number (TRN02) and/or payer (TRN03); "
                    + "`more` says whether another page follows. practiceId may be left out when the token names one "
                    + "practice. unassigned=true (admins): the items of mailbox files whose claims matched no practice "
                    + "(practiceId \"\"). Roles: poster, admin, biller, collector, auditor.")
    public UnappliedPage list(@QueryParam("practiceId") String practiceId, @QueryParam("unassigned") boolean unassigned,
                              @QueryParam("traceNumber") String traceNumber, @QueryParam("payerId") String payerId,
                              @BeanParam PageParams paging) {
        if (practiceId != null && !practiceId.isEmpty() && !CurrentCaller.PRACTICE_CODE.matcher(practiceId).matches()) {
            throw Violations.of("practiceId", "must be a practice code");
        }
        PageRequest page = paging.request();
        return remittances.unapplied(caller.get(), practiceId, unassigned, traceNumber, payerId, page.page(), page.size());
    }

    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.POSTER, Roles.ADMIN})
    @Operation(summary = "Apply unapplied cash to a claim", description = "Posts the item's remittance claim (CLP) as that "
            + "claim's remittance, once: again → 409. An account or item of another practice, or a claim not of the "
            + "account → 404; a claim that cannot be posted automatically → 422. Roles: poster, admin.")
    public Applied apply(@PathParam("id") UUID id, ApplyRequest request) {
        Violations.required("body", request);
        Caller c = caller.get();
        return remittances.apply(c, id, request.accountId(), request.claimId(), c.subject());
    }
}
