package dev.revcycle.common.db;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks held until the current transaction ends: the one way a service
 * serialises work on something that has no row to lock yet (two front desks registering the same
 * person, two representatives adding a primary coverage, two admins adding the same payer).
 * The key is hashed by PostgreSQL ({@code hashtextextended}) and never stored; prefix it with what
 * it locks ({@code "coverage|" + patientId}) so that two kinds of lock cannot collide.
 */
public final class AdvisoryLocks {
    static final String SQL = "SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))";

    private AdvisoryLocks() {
    }

    /** Waits for and takes the lock on {@code key} until the transaction commits or rolls back. */
    public static void lockForTransaction(EntityManager em, String key) {
        em.createNativeQuery(SQL).setParameter("key", key).getSingleResult();
    }

    /**
     * Takes the lock and, in the same round trip, evaluates {@code expression}, a constant SQL
     * expression of the caller's (e.g. {@code nextval('patient_mrn_seq')}), never user input.
     *
     * @return the expression's value
     */
    public static Object lockForTransactionAnd(EntityManager em, String key, String expression) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))::text, " + expression)
                .setParameter("key", key).getSingleResult();
        return row[1];
    }
}
