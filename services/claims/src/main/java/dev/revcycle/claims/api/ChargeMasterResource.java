package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.pricing.PracticeChargeMaster;
import dev.revcycle.claims.app.ManagingChargeMasters;
import dev.revcycle.claims.domain.pricing.ChargeMasterItem;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/charge-masters/{practiceId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charge masters", description = "What a practice charges per procedure code, and its self-pay cash prices")
public class ChargeMasterResource {
    static final String CSV = "text/csv";

    @Inject
    ManagingChargeMasters chargeMasters;

    @Inject
    CurrentCaller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Replace a practice's charge master (JSON)",
            description = "Every item of the practice: procedure code (4–10 letters or digits), modifier (2, optional), "
                    + "description, standardCharge and cashPrice (two decimals, not negative), effectiveFrom and the "
                    + "optional effectiveTo (inclusive). Two items of one code and modifier may not share a day. All or "
                    + "nothing: any bad item is a 400 naming items[i].field and nothing changes. A claim line keyed "
                    + "without a charge takes the standard charge effective on its date of service. "
                    + ClaimResource.WRITE)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChargeMasterBodies.Request.class),
                    examples = @ExampleObject(name = "two items", value = """
                            {"items":[{"procedureCode":"99213","description":"Office visit, established, low",
                              "standardCharge":150.00,"cashPrice":95.00,"effectiveFrom":"2026-01-01"},
                             {"procedureCode":"99213","modifier":"25","description":"Office visit, separate E/M",
                              "standardCharge":165.00,"cashPrice":105.00,"effectiveFrom":"2026-01-01","effectiveTo":"2026-12-31"}]}"""))})
    @APIResponse(responseCode = "200", description = "The charge master as stored; ETag its version",
            content = @Content(schema = @Schema(implementation = ChargeMasterBodies.Response.class)))
    @APIResponse(responseCode = "400", description = "An item is missing a field or has a bad one; errors name items[i].field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("practiceId") String practiceId, ChargeMasterBodies.Request request) {
        Violations.required("body", request);
        Violations.required("items", request.items());
        List<ChargeMasterItem> items = new ArrayList<>();
        for (ChargeMasterBodies.Item i : request.items()) {
            items.add(i == null ? null : i.toItem());
        }
        return ok(chargeMasters.replace(caller.get(), PracticeCode.required("practiceId", practiceId), items));
    }

    @PUT
    @Consumes(CSV)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Replace a practice's charge master (CSV)",
            description = "The same columns as CSV (RFC 4180, UTF-8): a header line naming them — procedureCode, "
                    + "modifier, description, standardCharge, cashPrice, effectiveFrom, effectiveTo, in any order; "
                    + "modifier and effectiveTo may be left out — then one item per line. Amounts are plain decimals "
                    + "(150.00: no currency sign, no thousands separator), dates YYYY-MM-DD. Any problem is a 422 "
                    + "malformed-charge-master whose problems[] name each line (the header is line 1) and column, and "
                    + "nothing is written. " + ClaimResource.WRITE)
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "two items", value = """
                    procedureCode,modifier,description,standardCharge,cashPrice,effectiveFrom,effectiveTo
                    99213,,"Office visit, established, low",150.00,95.00,2026-01-01,
                    99213,25,"Office visit, separate E/M",165.00,105.00,2026-01-01,2026-12-31""")))
    @APIResponse(responseCode = "200", description = "The charge master as stored; ETag its version",
            content = @Content(schema = @Schema(implementation = ChargeMasterBodies.Response.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The file cannot be read: problems[] with line, column and message; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "a bad amount", value = """
                            {"type":"https://revcycle.dev/problems/malformed-charge-master","title":"The charge master file cannot be read",
                             "status":422,"detail":"line 3, standardCharge: must be an amount such as 150.00 (digits, at most two decimals, no currency sign or thousands separator); nothing was changed",
                             "problems":[{"line":3,"column":"standardCharge","message":"must be an amount such as 150.00 (digits, at most two decimals, no currency sign or thousands separator)"}]}""")))
    public Response replaceCsv(@PathParam("practiceId") String practiceId, String csv) {
        return ok(chargeMasters.replaceFromCsv(caller.get(), PracticeCode.required("practiceId", practiceId), csv));
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "A practice's charge master",
            description = "Every item by procedure code, modifier and effective date. " + ClaimResource.READ)
    @APIResponse(responseCode = "200", description = "The charge master; ETag its version",
            content = @Content(schema = @Schema(implementation = ChargeMasterBodies.Response.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's, or it has no charge master yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("practiceId") String practiceId) {
        return ok(chargeMasters.get(caller.get(), PracticeCode.required("practiceId", practiceId)));
    }

    private static Response ok(PracticeChargeMaster m) {
        return Response.ok(ChargeMasterBodies.Response.of(m)).tag(new EntityTag(Long.toString(m.version()))).build();
    }
}
