package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ApplyingAcknowledgements;
import dev.revcycle.claims.x12.AcknowledgementDecisions;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/acknowledgements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Acknowledgements", description = "999 and 277CA files from the clearinghouse")
public class AcknowledgementResource {
    @Inject
    ApplyingAcknowledgements applying;

    @Inject
    CurrentCaller caller;

    /** Per claim: what the file decided. */
    public record DecisionBody(UUID claimId, String outcome, String source, String codes, String reason,
                               String payerClaimNumber) {
    }

    /** {@code duplicate}: the same file was applied before, and nothing changed now. */
    public record AcknowledgementResponse(String fileType, String digest, boolean duplicate, List<DecisionBody> claims,
                                          List<String> unmatched) {
    }

    @POST
    @Consumes({"application/edi-x12", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Apply a 999 or 277CA",
            description = "The raw X12 file. A 999 rejection or a 277CA category A3-A8 moves the claims to REJECTED "
                    + "with the codes and a readable reason; A2 to ACCEPTED; A1 is recorded in the history. The same "
                    + "file twice changes nothing (duplicate: true). An unreadable file is a 422 "
                    + "unreadable-acknowledgement problem naming the segment. Roles: biller, admin.")
    public AcknowledgementResponse apply(String x12) {
        ApplyingAcknowledgements.Applied applied = applying.apply(x12, "api", caller.get().subject());
        return new AcknowledgementResponse(applied.fileType(), applied.digest(), applied.duplicate(),
                applied.decisions().stream().map(AcknowledgementResource::body).toList(), applied.unmatched());
    }

    private static DecisionBody body(AcknowledgementDecisions.Decision d) {
        return new DecisionBody(d.claimId(), d.kind().name(), d.source(), d.codes(), d.reason(), d.payerClaimNumber());
    }
}
