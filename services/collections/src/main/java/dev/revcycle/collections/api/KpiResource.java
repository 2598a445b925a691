package dev.revcycle.collections.api;

import dev.revcycle.collections.app.CollectionKpis;
import dev.revcycle.collections.domain.Kpis;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs", description = "Collection rate against the practice's target, days in A/R, A/R over 90 days")
public class KpiResource {
    @Inject
    CollectionKpis kpis;

    @Inject
    CurrentCaller caller;

    public record KpiView(String practiceId, LocalDate from, LocalDate to, BigDecimal charges, BigDecimal payments,
                          BigDecimal adjustments, BigDecimal contractualAdjustments, BigDecimal grossCollectionRate,
                          BigDecimal netCollectionRate, BigDecimal targetCollectionRate, BigDecimal gapToTarget,
                          BigDecimal accountsReceivable, BigDecimal averageDailyCharges, BigDecimal daysInAr,
                          BigDecimal arOver90Days, BigDecimal shareOfArOver90Days, BigDecimal placedWithAgency,
                          BigDecimal recoveredByAgency) {
        static KpiView of(String practiceId, LocalDate from, LocalDate to, Kpis k) {
            var f = k.figures();
            return new KpiView(practiceId, from, to, f.charges(), f.payments(), f.adjustments(), f.contractual(),
                    k.grossCollectionRate(), k.netCollectionRate(), k.target(), k.gap(), f.arAtEnd(), k.averageDailyCharges(),
                    k.daysInAr(), f.arOver90(), k.shareOverNinety(), f.placed(), f.recovered());
        }
    }

    public record MonthView(LocalDate month, boolean kept, BigDecimal charges, BigDecimal payments,
                            BigDecimal grossCollectionRate, BigDecimal netCollectionRate, BigDecimal accountsReceivable,
                            BigDecimal daysInAr) {
    }

    public record HistoryView(String practiceId, List<MonthView> months) {
    }

    @GET
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "The practice's collection KPIs over a period",
            description = "From the ledger's movements dated from `from` to `to` (both included): grossCollectionRate = "
                    + "payments ÷ charges; netCollectionRate = payments ÷ (charges − contractual adjustments); gapToTarget = "
                    + "target − net rate; daysInAr = A/R at `to` ÷ (charges of the 90 days ending at `to` ÷ 90); "
                    + "shareOfArOver90Days = A/R whose oldest open service date is over 90 days before `to` ÷ A/R; placed and "
                    + "recovered (AGENCY payments) in the period. A rate without a divisor is null. "
                    + "Roles: collector, admin, biller, auditor. A practice not in the token → 404.")
    @APIResponse(responseCode = "200", description = "The KPIs", content = @Content(schema = @Schema(implementation = KpiView.class)))
    @APIResponse(responseCode = "400", description = "A parameter missing or malformed, from after to, more than three years",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KpiView get(@QueryParam("practiceId") String practiceId, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        return KpiView.of(practiceId, f, t, kpis.of(caller.get(), practiceId, f, t));
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN, Roles.BILLER, Roles.AUDITOR})
    @Operation(summary = "Collection rate and days in A/R per month",
            description = "The last `months` months (1–36, default 12), oldest first, each at its month's end as kept then "
                    + "(`kept: true`; a month-end job on the 1st keeps the month before, a missing month is kept when first "
                    + "asked), the month under way to today. Roles: collector, admin, biller, auditor.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = HistoryView.class)))
    @APIResponse(responseCode = "400", description = "practiceId missing, months out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A practice not in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryView history(@QueryParam("practiceId") String practiceId, @QueryParam("months") String months) {
        return new HistoryView(practiceId, kpis.history(caller.get(), practiceId, Params.integer("months", months)).stream()
                .map(m -> new MonthView(m.figures().month(), m.kept(), m.figures().charges(), m.figures().payments(),
                        m.figures().grossCollectionRate(), m.figures().netCollectionRate(), m.figures().arAtEnd(),
                        m.figures().daysInAr())).toList());
    }
}
