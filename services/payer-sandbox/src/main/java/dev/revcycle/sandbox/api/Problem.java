package dev.revcycle.sandbox.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body. The sandbox cannot use revcycle-common (it would bring a database), so it keeps
 * this small copy of the same shape.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://revcycle.dev/problems/";

    static Problem malformedX12(String detail) {
        return new Problem(TYPE_BASE + "malformed-x12", "Malformed X12", 400, detail);
    }

    static Problem notFound(String detail) {
        return new Problem(TYPE_BASE + "not-found", "Not found", 404, detail);
    }

    static Problem badRequest(String detail) {
        return new Problem(TYPE_BASE + "bad-request", "Bad request", 400, detail);
    }

    static Problem payerUnavailable() {
        return new Problem(TYPE_BASE + "payer-unavailable", "Payer unavailable", 503,
                "The payer sandbox is simulating an unavailable payer (rule: member id ends in 98). Retry later.");
    }

    Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
