package dev.revcycle.common.clearinghouse;

import java.util.Set;

/**
 * What a service does with the mailbox files of the types it takes (claims: 999 and 277CA; payments: 835).
 * {@link #handle} runs inside the transaction that also records the file as processed and moves the
 * cursor, so its changes and the record of having made them commit together: a file is applied exactly
 * once, also across restarts and with several instances.
 *
 * <p>A file whose content is bad (unreadable X12, unknown claims) must be recorded by the handler (as an
 * outcome) and not thrown: a throw rolls the transaction back and the file is tried again next round,
 * holding back the files after it.
 */
public interface MailboxHandler {

    /** The mailbox file types (as listed) this handler takes. Files of other types are skipped. */
    Set<String> fileTypes();

    /**
     * @return a short outcome for the processed-file record ("applied", "unreadable" …), never PHI
     */
    String handle(MailboxFile file, String x12);
}
