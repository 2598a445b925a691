package dev.revcycle.common.clearinghouse;

import java.time.Instant;

/**
 * One answer file in the clearinghouse mailbox, as listed by {@code GET /mailbox}: its id, its position
 * ({@code cursor}: list with {@code after=cursor} to get the files after it), its type (999, 277CA, 835 …).
 */
public record MailboxFile(String id, String cursor, String type, Instant createdAt) {
}
