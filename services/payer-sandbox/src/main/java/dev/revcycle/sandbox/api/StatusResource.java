package dev.revcycle.sandbox.api;

import dev.revcycle.sandbox.eligibility.MalformedInquiryException;
import dev.revcycle.sandbox.status.ClaimStatusResponder;
import dev.revcycle.sandbox.status.StatusAnswer;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** POST a 276, get the 277 the claim status table gives (synchronously, like the 270). */
@Path("/x12/276")
@Tag(name = "claim status", description = "276 claim status inquiry → 277 response (simulated payer)")
public class StatusResource {

    private static final Logger LOG = Logger.getLogger(StatusResource.class);

    private final ClaimStatusResponder responder;
    private final SandboxConfig config;

    public StatusResource(ClaimStatusResponder responder, SandboxConfig config) {
        this.responder = responder;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, EligibilityResource.EDI_X12})
    @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @Operation(summary = "Answer a 276 claim status inquiry with a 005010X212 277",
            description = "Each claim asked about (the 276's ISA06 and REF*EJ) is answered by what the sandbox knows of "
                    + "it (unknown A4:35, pending P1:20 / P3:21, paid F1:65, denied F2:1, reversed F3:101; see the "
                    + "README). Payer id SBX503 answers 503. Never for production.")
    @APIResponse(responseCode = "200", description = "The 277", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "400", description = "Not a readable 276", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Simulated payer outage (payer id SBX503)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response answer(String inquiry) {
        StatusAnswer answer;
        try {
            answer = responder.answer(inquiry);
        } catch (MalformedInquiryException e) {
            LOG.debugf("276 refused: %s", e.getMessage());
            return Problem.malformedX12(e.getMessage()).toResponse().build();
        }
        if (answer.payerUnavailable()) {
            return Problem.payerUnavailable().toResponse().header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                    .build();
        }
        return Response.ok(answer.x277(), MediaType.TEXT_PLAIN).build();
    }
}
