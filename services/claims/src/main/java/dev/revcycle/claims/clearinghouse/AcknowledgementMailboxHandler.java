package dev.revcycle.claims.clearinghouse;

import dev.revcycle.claims.app.ApplyingAcknowledgements;
import dev.revcycle.claims.app.ClaimLifecycle;
import dev.revcycle.common.clearinghouse.MailboxFile;
import dev.revcycle.common.clearinghouse.MailboxHandler;
import dev.revcycle.common.domain.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Claims' share of the clearinghouse mailbox: 999 and 277CA files, applied in the poller's transaction.
 * An unreadable file is recorded as {@code unreadable} (and logged by id), not retried forever. Takes no
 * file type while the claims core is missing, so that the poller leaves the mailbox alone rather than
 * recording files it could not apply.
 */
@ApplicationScoped
public class AcknowledgementMailboxHandler implements MailboxHandler {
    private static final Logger LOG = Logger.getLogger(AcknowledgementMailboxHandler.class);

    @Inject
    ApplyingAcknowledgements acknowledgements;

    @Inject
    Instance<ClaimLifecycle> lifecycle;

    @Override
    public Set<String> fileTypes() {
        return lifecycle.isUnsatisfied() ? Set.of() : Set.of("999", "277CA");
    }

    @Override
    public String handle(MailboxFile file, String x12) {
        try {
            ApplyingAcknowledgements.Applied applied = acknowledgements.apply(x12, "mailbox", "clearinghouse-mailbox");
            return applied.duplicate() ? "duplicate" : "applied";
        } catch (Unprocessable e) {
            LOG.warnf("mailbox file %s (%s) not applied: %s", file.id(), file.type(), e.reason().code());
            return "unreadable";
        }
    }
}
