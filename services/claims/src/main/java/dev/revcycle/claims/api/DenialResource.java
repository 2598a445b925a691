package dev.revcycle.claims.api;

import dev.revcycle.claims.app.FindingAdjudications;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/denials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Denials", description = "The denials work queue: what payers refused, why, and what to do next")
public class DenialResource {
    static final String READ = "Roles: biller, admin, auditor.";
    private static final Pattern CARC = Pattern.compile("^[A-Z0-9]{1,5}$");

    @Inject
    FindingAdjudications finding;

    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The denials work queue",
            description = "The token's practices' DENIED claims and PARTIALLY_PAID claims with denial adjustments, "
                    + "the largest denied amount × age first (priority = deniedAmount × (days since the denial + 1), "
                    + "brought to today once a day), each with its denial reasons (group, CARC, RARC, amount, words) and "
                    + "the suggested next action of the DenialActions table (missing information → correct and "
                    + "resubmit; authorization → appeal with the authorization; timely filing → appeal with proof of "
                    + "submission; patient responsibility → bill the patient; duplicate → none). A claim leaves the "
                    + "queue when a later 835 pays or reopens it. Paged by cursor: `next` (present while `hasMore`) is "
                    + "the `after` of the next page; no total. " + READ)
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = DenialPage.class),
            examples = @ExampleObject(name = "timely filing", value = """
                    {"items": [{"claimId": "6f1c9a7e-2b1d-4c55-9a43-1f1e6d2c7b10", "practiceId": "north-clinic",
                      "payerId": "0b8f6a52-8e0c-4a8e-b0a3-0c9a3f4b2d11", "patientControlNumber": "RC0000000042",
                      "payerClaimControlNumber": "PCCN-42", "status": "DENIED", "deniedAmount": 175.50,
                      "deniedOn": "2026-11-30", "ageDays": 2, "priority": 526.50,
                      "reasons": [{"groupCode": "CO", "reasonCode": "29", "amount": 175.50,
                        "text": "Contractual obligation: the time limit for filing has expired (CO-29)",
                        "rule": "TIMELY-FILING", "action": "APPEAL_WITH_PROOF_OF_TIMELY_FILING",
                        "actionText": "Appeal with proof of timely submission (the 999/277CA acceptance)"}],
                      "suggestedAction": "APPEAL_WITH_PROOF_OF_TIMELY_FILING",
                      "suggestedActionText": "Appeal with proof of timely submission (the 999/277CA acceptance)"}],
                     "size": 20, "hasMore": false}""")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (payerId not a UUID, carc not a code, size above 200, after not a cursor of this list)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DenialPage list(
            @Parameter(description = "One of the token's practices (another practice's answers an empty page)") @QueryParam("practiceId") String practiceId,
            @Parameter(description = "The claim's payer (of its coverage)") @QueryParam("payerId") String payerId,
            @Parameter(description = "Claims with a denial of this Claim Adjustment Reason Code, e.g. 16 or 29") @QueryParam("carc") String carc,
            @Parameter(description = "Page size, 1 to 200 (default 20); more than 200 is a 400",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "The `next` of the previous page; absent for the first page") @QueryParam("after") String after) {
        String code = null;
        if (carc != null) {
            code = carc.strip().toUpperCase(Locale.ROOT);
            if (!CARC.matcher(code).matches()) {
                throw Violations.of("carc", "must be a Claim Adjustment Reason Code: 1 to 5 letters or digits");
            }
        }
        FindingAdjudications.Query q = new FindingAdjudications.Query(practiceId, Params.uuid("payerId", payerId), code);
        FindingAdjudications.DenialPage found = finding.denials(caller.get(), q, PageRequest.fromQuery(null, size).size(),
                after);
        return new DenialPage(found.items().stream().map(DenialPage.Item::of).toList(), found.size(), found.hasMore(),
                found.next());
    }
}
