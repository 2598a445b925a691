package dev.revcycle.sandbox.mailbox;

import java.time.Instant;

/**
 * One answer file in the clearinghouse mailbox.
 *
 * @param id        opaque, unique file id (what {@code GET /mailbox/{id}} takes)
 * @param cursor    monotonically increasing position in the mailbox, from 1
 * @param type      999, 277CA or 835
 * @param submitter the ISA06 (trimmed) of the interchange this file answers: whose mailbox it is in
 * @param createdAt when it was put in the mailbox
 * @param size      bytes of the X12 text (UTF-8)
 */
public record MailboxFile(String id, long cursor, String type, String submitter, Instant createdAt, long size) {
}
