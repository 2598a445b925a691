package dev.revcycle.common.audit;

import dev.revcycle.common.db.Sql;
import dev.revcycle.common.db.SqlValues;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.UUID;

/**
 * Writes the append-only PHI access log: who read or changed which record, when, and whether it
 * was allowed. A successful access is written in the caller's transaction (it commits or rolls
 * back with the change); a denied one in its own, because the request that was denied fails.
 */
@ApplicationScoped
public class PhiAudit {
    @Inject
    EntityManager em;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void success(Caller caller, AuditAction action, String resourceType, UUID resourceId, String practiceId) {
        insert(caller, action, resourceType, List.of(resourceId), practiceId, AuditOutcome.SUCCESS);
    }

    /** One row per record, e.g. for every patient a search returned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void success(Caller caller, AuditAction action, String resourceType, Collection<UUID> resourceIds,
                        String practiceId) {
        insert(caller, action, resourceType, resourceIds, practiceId, AuditOutcome.SUCCESS);
    }

    /**
     * One row per record handed out (e.g. every patient a search returned), each under its own
     * record's practice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void successEach(Caller caller, AuditAction action, String resourceType, Collection<T> records,
                                Function<? super T, UUID> idOf, Function<? super T, String> practiceOf) {
        Map<String, List<UUID>> byPractice = new LinkedHashMap<>();
        for (T record : records) {
            byPractice.computeIfAbsent(practiceOf.apply(record), p -> new ArrayList<>()).add(idOf.apply(record));
        }
        byPractice.forEach((practice, ids) -> insert(caller, action, resourceType, ids, practice, AuditOutcome.SUCCESS));
    }

    public void denied(Caller caller, AuditAction action, String resourceType, UUID resourceId, String practiceId) {
        QuarkusTransaction.requiringNew().run(() ->
                insert(caller, action, resourceType, List.of(resourceId), practiceId, AuditOutcome.DENIED));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEvent> find(UUID resourceId, Collection<String> practices, PageRequest page) {
        if (practices.isEmpty()) {
            return Page.empty(page);
        }
        long total = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM phi_audit_event
                        WHERE resource_id = :id AND practice_id IN (:practices)""")
                .setParameter("id", resourceId)
                .setParameter("practices", practices)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, occurred_at, actor, action, resource_type, resource_id, practice_id, outcome
                        FROM phi_audit_event
                        WHERE resource_id = :id AND practice_id IN (:practices)
                        ORDER BY occurred_at DESC, id DESC""")
                .setParameter("id", resourceId)
                .setParameter("practices", practices)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        List<AuditEvent> events = rows.stream().map(r -> new AuditEvent(
                ((Number) r[0]).longValue(),
                SqlValues.instant(r[1]),
                (String) r[2],
                AuditAction.valueOf((String) r[3]),
                (String) r[4],
                (UUID) r[5],
                (String) r[6],
                AuditOutcome.valueOf((String) r[7]))).toList();
        return new Page<>(events, page.page(), page.size(), total);
    }

    private void insert(Caller caller, AuditAction action, String resourceType, Collection<UUID> ids,
                        String practiceId, AuditOutcome outcome) {
        Timestamp now = Timestamp.from(clock.instant());
        // One JDBC batch, so a search that shows 200 patients costs one round trip.
        sql.work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (UUID id : ids) {
                    insert.setTimestamp(1, now);
                    insert.setString(2, caller.subject());
                    insert.setString(3, action.name());
                    insert.setString(4, resourceType);
                    insert.setObject(5, id);
                    insert.setString(6, practiceId);
                    insert.setString(7, outcome.name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
