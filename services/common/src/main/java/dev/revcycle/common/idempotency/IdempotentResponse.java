package dev.revcycle.common.idempotency;

import java.net.URI;

/** What a once-only request answered: replayed as-is to a retry with the same key and body. */
public record IdempotentResponse(int status, Object body, URI location) {

    public static IdempotentResponse created(Object body, URI location) {
        return new IdempotentResponse(201, body, location);
    }

    public static IdempotentResponse ok(Object body) {
        return new IdempotentResponse(200, body, null);
    }
}
