package dev.revcycle.claims.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a claims queue, oldest status change first. {@code next} (present while {@code hasMore})
 * is the {@code after} of the next page; there is no total (a queue is worked from its head, and counting
 * a practice's queue would read all of it on every request).
 */
public record ClaimPage(List<ClaimResponse> items, int size, boolean hasMore,
                        @Schema(description = "The `after` of the next page; absent at the end of the queue") String next) {
}
