package dev.revcycle.sandbox.api;

import dev.revcycle.sandbox.claims.Acknowledgement;
import dev.revcycle.sandbox.claims.AnswerFile;
import dev.revcycle.sandbox.claims.ClaimAcknowledger;
import dev.revcycle.sandbox.claims.NotAnInterchangeException;
import dev.revcycle.sandbox.mailbox.Mailbox;
import dev.revcycle.sandbox.remittance.PendingClaims;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** POST an 837; its 999 and 277CA go to the submitter's mailbox. */
@Path("/x12/837")
@Tag(name = "claims", description = "837 claims → 999 and 277CA acknowledgements in the mailbox (simulated clearinghouse)")
public class ClaimResource {

    private static final Logger LOG = Logger.getLogger(ClaimResource.class);

    /** The answer: the mailbox file ids written (999 first) and the 837's ISA13. */
    public record Submitted(List<String> fileIds, String interchangeControlNumber) {
    }

    private final ClaimAcknowledger acknowledger;
    private final Mailbox mailbox;
    private final PendingClaims pending;
    private final Clock clock;

    public ClaimResource(ClaimAcknowledger acknowledger, Mailbox mailbox, PendingClaims pending, Clock clock) {
        this.acknowledger = acknowledger;
        this.mailbox = mailbox;
        this.pending = pending;
        this.clock = clock;
    }

    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, EligibilityResource.EDI_X12})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Take an 837P/837I interchange; answer files go to the submitter's (ISA06) mailbox",
            description = "A 999 (rejecting for a syntactically broken interchange) and, for accepted transactions, "
                    + "a 277CA per the README's rules (first diagnosis R69 → A7, otherwise A2). Never for production.")
    @APIResponse(responseCode = "202", description = "{\"fileIds\":[…],\"interchangeControlNumber\":\"…\"}")
    @APIResponse(responseCode = "400", description = "Not an X12 837 interchange at all",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(String body) {
        Acknowledgement ack;
        try {
            ack = acknowledger.acknowledge(body == null ? "" : body);
        } catch (NotAnInterchangeException e) {
            LOG.debugf("837 refused: %s", e.getMessage());
            return Problem.malformedX12(e.getMessage()).toResponse().build();
        }
        // Kept for adjudication before the 277CA says A2, so an accepted claim is never left without its 835.
        pending.accept(ack, LocalDate.now(clock));
        List<String> ids = new ArrayList<>();
        for (AnswerFile file : ack.files()) {
            ids.add(mailbox.put(file.type(), ack.submitter(), file.x12()).id());
        }
        return Response.accepted(new Submitted(ids, ack.interchangeControlNumber()))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
