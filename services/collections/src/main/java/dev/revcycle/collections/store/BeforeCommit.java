package dev.revcycle.collections.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a transaction collects to write or hand on once, just before it commits and still inside it (the accounts it
 * changed, the practice days it moved): one collector per key and transaction, done once in beforeCompletion.
 */
@ApplicationScoped
public class BeforeCommit {
    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    TransactionManager transactions;

    /**
     * The active transaction's collector of {@code key}, made by {@code create} and registered to be {@code done} before
     * the commit the first time it is asked for; null outside an active transaction.
     */
    @SuppressWarnings("unchecked")
    public <T> T collector(Object key, Supplier<T> create, Consumer<T> done) {
        if (registry.getTransactionKey() == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return null;
        }
        T collector = (T) registry.getResource(key);
        if (collector == null) {
            T created = create.get();
            registry.putResource(key, created);
            try {
                transactions.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        done.accept(created);
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            } catch (RollbackException | SystemException e) {
                throw new IllegalStateException("the transaction ended", e);
            }
            collector = created;
        }
        return collector;
    }
}
