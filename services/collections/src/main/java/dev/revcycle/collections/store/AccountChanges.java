package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.RollbackException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts a transaction changed in what the work queue reads of them (balance, dunning, plan, promise, note,
 * hold, placement, merge): collected by the stores that write those, and handed over once, just before the
 * transaction commits and still inside it, as {@link Changed} (the work queue recomputes their items there).
 */
@ApplicationScoped
public class AccountChanges {
    private static final Object KEY = new Object();

    /** The accounts one transaction changed, fired before it completes. */
    public record Changed(Set<UUID> accountIds) {
    }

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    TransactionManager transactions;

    @Inject
    Event<Changed> changed;

    @SuppressWarnings("unchecked")
    public void changed(UUID... accountIds) {
        if (registry.getTransactionKey() == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        Set<UUID> set = (Set<UUID>) registry.getResource(KEY);
        if (set == null) {
            Set<UUID> collected = new LinkedHashSet<>();
            registry.putResource(KEY, collected);
            try {
                transactions.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        if (!collected.isEmpty()) {
                            changed.fire(new Changed(Set.copyOf(collected)));
                        }
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            } catch (RollbackException | SystemException e) {
                throw new IllegalStateException("the transaction ended", e);
            }
            set = collected;
        }
        for (UUID id : accountIds) {
            if (id != null) {
                set.add(id);
            }
        }
    }
}
