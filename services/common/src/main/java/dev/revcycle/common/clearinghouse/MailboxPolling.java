package dev.revcycle.common.clearinghouse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * One round of mailbox polling, plain Java: list the files after the stored cursor, and for each one download
 * it (outside any transaction) and {@linkplain MailboxStore#processOnce process it once} with the handler of
 * its type, in the transaction that records it and moves the cursor. Files of a type no handler takes are
 * recorded as {@code skipped}. A failed listing or download ends the round (the next round starts from the
 * same cursor); a handler that throws rolls its file back and ends the round.
 */
public final class MailboxPolling {
    private static final Logger LOG = Logger.getLogger(MailboxPolling.class);

    /** What a round did. */
    public record Round(int processed, int alreadyProcessed, String failure) {
    }

    private final String mailbox;
    private final String submitter;
    private final MailboxClient client;
    private final MailboxStore store;
    private final Map<String, MailboxHandler> handlers = new TreeMap<>();

    /**
     * @param mailbox   the key of this service's cursor (e.g. the service name plus the submitter)
     * @param submitter ISA06 of our files: the mailbox's owner
     */
    public MailboxPolling(String mailbox, String submitter, MailboxClient client, MailboxStore store,
                          List<MailboxHandler> handlers) {
        this.mailbox = mailbox;
        this.submitter = submitter;
        this.client = client;
        this.store = store;
        for (MailboxHandler handler : handlers) {
            for (String type : handler.fileTypes()) {
                if (this.handlers.put(type, handler) != null) {
                    throw new IllegalStateException("two mailbox handlers take file type " + type);
                }
            }
        }
    }

    public Set<String> fileTypes() {
        return handlers.keySet();
    }

    public Round pollOnce() {
        Optional<String> cursor = store.cursor(mailbox);
        MailboxClient.Listing listing = client.list(submitter, cursor.orElse(null));
        if (listing.failure() != null) {
            return new Round(0, 0, listing.failure());
        }
        int processed = 0;
        int before = 0;
        for (MailboxFile file : listing.files()) {
            MailboxHandler handler = file.type() == null ? null : handlers.get(file.type());
            Optional<String> outcome;
            if (handler == null) {
                outcome = store.processOnce(mailbox, file, () -> "skipped");
            } else {
                MailboxClient.Download download = client.download(file.id());
                if (download.failure() != null) {
                    return new Round(processed, before, download.failure());
                }
                try {
                    outcome = store.processOnce(mailbox, file, () -> handler.handle(file, download.body()));
                } catch (RuntimeException e) {
                    // the handler's message may name claims but never PHI; the class is enough here
                    LOG.warnf("mailbox %s: file %s (%s) failed in its handler (%s); it will be tried again",
                            mailbox, file.id(), file.type(), e.getClass().getSimpleName());
                    return new Round(processed, before, "handler failed on file " + file.id());
                }
            }
            if (outcome.isPresent()) {
                processed++;
            } else {
                before++;
            }
        }
        if (listing.next() != null && !listing.next().equals(cursor.orElse(null))) {
            store.advance(mailbox, listing.next());
        }
        return new Round(processed, before, null);
    }
}
