package dev.revcycle.claims.api;

import dev.revcycle.claims.app.ScrubbingClaims;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/scrub-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scrubbing", description = "The claim scrubber: its rules, and a claim's scrub before submission")
public class ScrubRulesResource {
    @Inject
    ScrubbingClaims scrubbing;

    /** A row of {@code GET /scrub-rules}. */
    public record RuleResponse(String id, String severity, String description) {
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "The scrubber's rules", description = "Every rule with its stable id, severity and description, in the order they run. "
            + ClaimResource.READ)
    public List<RuleResponse> rules() {
        return scrubbing.rules().stream().map(r -> new RuleResponse(r.id(), r.severity().name(), r.description())).toList();
    }
}
