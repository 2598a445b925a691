package dev.revcycle.claims.api;

import dev.revcycle.claims.app.WatchingFilingLimits;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/claims/at-risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Professional and institutional claims: drafts, the work queues, resubmission, history")
public class AtRiskResource {
    @Inject
    WatchingFilingLimits watching;

    @Inject
    CurrentCaller caller;

    public record Item(UUID claimId, String patientControlNumber, String status, UUID payerId, String payerName,
                       LocalDate firstServiceDate, BigDecimal totalCharge, int timelyFilingDays,
                       boolean defaultFilingDays, LocalDate deadline, long daysLeft) {
    }

    public record Page(String practiceId, int withinDays, List<Item> items) {
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Claims whose timely filing limit is near",
            description = "DRAFT, READY and REJECTED insured claims of the practice whose payer's filing limit (the "
                    + "coverage's timelyFilingDays from the first date of service; 90 days when the payer has none, "
                    + "defaultFilingDays true) ends from today to withinDays (0–365) from now, nearest deadline first, "
                    + "with daysLeft; at most 200. Past deadlines are not listed. practiceId may be left out when the "
                    + "token names one practice. " + ClaimResource.READ)
    @APIResponse(responseCode = "200", description = "The claims at risk", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "withinDays missing or not 0–365, practiceId missing with several practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page atRisk(@QueryParam("practiceId") String practiceId, @QueryParam("withinDays") String withinDays) {
        Integer days = Params.integer("withinDays", withinDays);
        String practice = AppealResource.practice(caller.get(), practiceId);
        List<Item> items = watching.atRisk(caller.get(), practice, days).stream().map(a -> new Item(a.claim().claimId(),
                a.claim().patientControlNumber(), a.claim().status(), a.claim().payerId(), a.claim().payerName(),
                a.claim().firstServiceDate(), a.claim().totalCharge(),
                a.claim().timelyFilingDays() == null ? WatchingFilingLimits.DEFAULT_FILING_DAYS : a.claim().timelyFilingDays(),
                a.claim().timelyFilingDays() == null, a.claim().deadline(), a.daysLeft())).toList();
        return new Page(practice, days == null ? 0 : days, items);
    }
}
