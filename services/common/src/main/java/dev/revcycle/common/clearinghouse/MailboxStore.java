package dev.revcycle.common.clearinghouse;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a mailbox's cursor and processed files are kept ({@code clearinghouse_mailbox_cursor} and
 * {@code clearinghouse_mailbox_file}, common migration V0_7). {@link JdbcMailboxStore} in a service.
 */
public interface MailboxStore {

    /** The cursor to list after; empty before the first file. */
    Optional<String> cursor(String mailbox);

    /**
     * In one transaction: when the file is not yet recorded, runs {@code apply} and records the file with its
     * outcome and the cursor; when it is (another instance, or a run before a restart), changes nothing.
     *
     * @return the outcome recorded now, or empty when the file had been processed before
     */
    Optional<String> processOnce(String mailbox, MailboxFile file, Supplier<String> apply);

    /** Sets the cursor past files that needed nothing (the listing's {@code next}). */
    void advance(String mailbox, String cursor);
}
