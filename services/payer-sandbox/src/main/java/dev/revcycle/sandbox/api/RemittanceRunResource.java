package dev.revcycle.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.sandbox.remittance.RemittanceRuns;
import dev.revcycle.sandbox.remittance.RemittanceRuns.RunResult;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Releases the 835s of pending claims on demand. No token: it is a sandbox. */
@Path("/remittance-runs")
@Tag(name = "remittances", description = "Accepted claims → 835 remittances in the mailbox (simulated payer)")
public class RemittanceRunResource {

    private final RemittanceRuns runs;
    private final ObjectMapper json;

    public RemittanceRunResource(RemittanceRuns runs, ObjectMapper json) {
        this.runs = runs;
        this.json = json;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Adjudicate every pending claim received on or before `through` (absent: all) and write "
            + "one 835 per submitter, payer and payee into the submitter's mailbox",
            description = "Rules keyed on the claim's first procedure code (see the README). Reversals due from an "
                    + "earlier run are sent too. Nothing pending: an empty list, nothing written. Never for production.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "through", value = "{\"through\":\"2026-03-05\"}")))
    @APIResponse(responseCode = "200", description = "{\"runId\":\"…\",\"files\":[{\"fileId\":\"…\",\"submitter\":"
            + "\"CLINIC1\",\"payerId\":\"SBX01\",\"traceNumber\":\"…\",\"claims\":2,\"paymentAmount\":95.00}]}")
    @APIResponse(responseCode = "400", description = "A body that is not JSON, or a through that is not YYYY-MM-DD",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response run(String body) {
        LocalDate through = null;
        if (body != null && !body.isBlank()) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (IOException e) {
                return Problem.badRequest("the body must be JSON: {\"through\":\"YYYY-MM-DD\"} or {}")
                        .toResponse().build();
            }
            if (node == null || !node.isObject()) {
                return Problem.badRequest("the body must be a JSON object: {\"through\":\"YYYY-MM-DD\"} or {}")
                        .toResponse().build();
            }
            JsonNode value = node.get("through");
            if (value != null && !value.isNull()) {
                try {
                    if (!value.isTextual()) {
                        throw new DateTimeParseException("not text", value.toString(), 0);
                    }
                    through = LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    return Problem.badRequest("through must be a date, YYYY-MM-DD").toResponse().build();
                }
            }
        }
        RunResult result = runs.run(through);
        return Response.ok(result, MediaType.APPLICATION_JSON).build();
    }
}
