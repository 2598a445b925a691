package dev.revcycle.sandbox.api;

import dev.revcycle.sandbox.eligibility.EligibilityAnswer;
import dev.revcycle.sandbox.eligibility.EligibilityResponder;
import dev.revcycle.sandbox.eligibility.MalformedInquiryException;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** POST a 270, get the 271 the rule table gives. Thin: parsing, rules and writing live in the domain packages. */
@Path("/x12/270")
@Tag(name = "eligibility", description = "270 eligibility inquiry → 271 response (simulated payer)")
public class EligibilityResource {

    static final String EDI_X12 = "application/edi-x12";
    private static final Logger LOG = Logger.getLogger(EligibilityResource.class);

    private final EligibilityResponder responder;
    private final SandboxConfig config;

    public EligibilityResource(EligibilityResponder responder, SandboxConfig config) {
        this.responder = responder;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, EDI_X12})
    @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @Operation(summary = "Answer a 270 eligibility inquiry with a 005010X279A1 271",
            description = "Every subscriber is answered by the sandbox's rule table, keyed on the member id "
                    + "(see the README). Never for production.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "270",
            value = "ISA*00*          *00*          *ZZ*PROVIDER       *ZZ*PAYERSANDBOX   *260305*1407*^*00501"
                    + "*000000001*0*T*:~GS*HS*PROVIDER*PAYERSANDBOX*20260305*1407*1*X*005010X279A1~"
                    + "ST*270*0001*005010X279A1~BHT*0022*13*REF1*20260305*1407~HL*1**20*1~"
                    + "NM1*PR*2*SANDBOX HEALTH*****PI*SANDBOX1~HL*2*1*21*1~"
                    + "NM1*1P*2*CLINIC*****XX*1234567893~HL*3*2*22*0~TRN*1*TRACE1*9REVCYCLE~"
                    + "NM1*IL*1*DOE*JANE****MI*M12345~DMG*D8*19800101~DTP*291*D8*20260305~EQ*30~"
                    + "SE*12*0001~GE*1*1~IEA*1*000000001~")))
    @APIResponse(responseCode = "200", description = "The 271 (or, for member ids ending in 96, a malformed one)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "400", description = "Not a readable 270",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Simulated payer outage (member id ends in 98)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response answer(String inquiry) {
        EligibilityAnswer answer;
        try {
            answer = responder.answer(inquiry == null ? "" : inquiry);
        } catch (MalformedInquiryException e) {
            LOG.debugf("270 refused: %s", e.getMessage());
            return Problem.malformedX12(e.getMessage()).toResponse().build();
        }
        switch (answer.fault()) {
            case PAYER_UNAVAILABLE -> {
                return Problem.payerUnavailable().toResponse()
                        .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                        .build();
            }
            case SLOW_ANSWER -> pause();
            default -> {
                // NONE and MALFORMED_ANSWER are both answered with the body as it is.
            }
        }
        return Response.ok(answer.body(), MediaType.TEXT_PLAIN).build();
    }

    private void pause() {
        try {
            Thread.sleep(config.slowDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
