package dev.revcycle.eligibility.store;

import dev.revcycle.eligibility.domain.KnownProvider;
import dev.revcycle.eligibility.domain.ProviderEntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** The read model of practices' providers (known_provider), written only by the inbox consumer. */
@ApplicationScoped
public class KnownProviderRepository {

    /** The consumer's version-guarded upsert of one provider (package-visible for the plan test). */
    static final String UPSERT_NEWER = """
            INSERT INTO known_provider AS k (id, practice_id, npi, name, entity_type, default_billing, changed_at,
                applied_version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET practice_id = EXCLUDED.practice_id, npi = EXCLUDED.npi,
                name = EXCLUDED.name, entity_type = EXCLUDED.entity_type, default_billing = EXCLUDED.default_billing,
                changed_at = EXCLUDED.changed_at, applied_version = EXCLUDED.applied_version,
                updated_at = EXCLUDED.updated_at
            WHERE k.applied_version < EXCLUDED.applied_version
            RETURNING k.id""";

    /**
     * The practice's default billing provider, per eligibility check (package-visible for the plan
     * test). Claims marks at most one; while the old default's unmarking has not arrived yet, two rows
     * may be marked, and the one marked by the later event is the default (ties by id, so the choice
     * is stable).
     */
    static final String DEFAULT_BILLING = """
            SELECT id, practice_id, npi, name, entity_type, default_billing FROM known_provider
            WHERE practice_id = ? AND default_billing
            ORDER BY changed_at DESC, id
            LIMIT 1""";

    @Inject
    EntityManager em;

    /**
     * Stores the provider as of {@code version} unless its row already reflects that version or a
     * later one.
     *
     * @param changedAt the time of the event (claims' transaction)
     * @return whether it was written
     */
    public boolean upsertNewer(KnownProvider provider, long version, Instant changedAt, Instant now) {
        return session().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_NEWER)) {
                s.setObject(1, provider.id());
                s.setString(2, provider.practiceId());
                s.setString(3, provider.npi());
                s.setString(4, provider.name());
                s.setString(5, provider.entityType().name());
                s.setBoolean(6, provider.defaultBilling());
                s.setTimestamp(7, Timestamp.from(changedAt));
                s.setLong(8, version);
                s.setTimestamp(9, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public Optional<KnownProvider> defaultBilling(String practiceId) {
        return session().doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(DEFAULT_BILLING)) {
                s.setString(1, practiceId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new KnownProvider(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), ProviderEntityType.valueOf(rs.getString(5)), rs.getBoolean(6)));
                }
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
