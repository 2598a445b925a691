package dev.revcycle.payments.clearinghouse;

import dev.revcycle.common.clearinghouse.MailboxFile;
import dev.revcycle.common.clearinghouse.MailboxHandler;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.payments.app.Remittances;
import dev.revcycle.payments.domain.remittance.Remittance;
import dev.revcycle.payments.domain.remittance.RemittanceBalance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Payments' share of the clearinghouse mailbox: 835 files, posted in the poller's transaction (the processed-file
 * record, the postings and the events commit together: once, also after a restart). Each 835 transaction of a file
 * is posted on its own (its own payer/trace identity); the practice is found from the matched claims
 * ({@link Remittances#post}). A file that cannot be read, or one of whose transactions does not balance, is
 * recorded as {@code unreadable} / {@code unbalanced} with nothing posted (logged by file id, never its content) —
 * not retried forever.
 */
@ApplicationScoped
public class RemittanceMailboxHandler implements MailboxHandler {
    public static final String ACTOR = "clearinghouse-mailbox";
    private static final Logger LOG = Logger.getLogger(RemittanceMailboxHandler.class);

    @Inject
    Remittances remittances;

    @Override
    public Set<String> fileTypes() {
        return Set.of("835");
    }

    @Override
    public String handle(MailboxFile file, String x12) {
        List<Remittance> all;
        try {
            all = Remittances.read(x12);
        } catch (Unprocessable e) {
            LOG.warnf("mailbox file %s (835) not posted: %s", file.id(), e.reason().code());
            return "unreadable";
        }
        for (Remittance r : all) {
            if (!RemittanceBalance.imbalances(r).isEmpty()) {
                LOG.warnf("mailbox file %s (835) not posted: %s", file.id(), RemittanceBalance.UNBALANCED.code());
                return "unbalanced";
            }
        }
        List<String> outcomes = new ArrayList<>();
        for (Remittance r : all) {
            Remittances.Received received = remittances.post(r, null, "MAILBOX", file.id(), ACTOR);
            outcomes.add(received.replay() ? "duplicate" : "posted");
        }
        return String.join(",", outcomes);
    }
}
