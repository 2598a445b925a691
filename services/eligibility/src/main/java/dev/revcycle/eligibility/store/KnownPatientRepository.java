package dev.revcycle.eligibility.store;

import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.domain.PatientAddress;
import dev.revcycle.eligibility.domain.PatientFacts;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

@ApplicationScoped
public class KnownPatientRepository implements PanacheRepositoryBase<KnownPatient, UUID> {

    /** A patient's whole state at a version, as an event brings it. */
    public record Learnt(UUID id, PatientFacts facts, long version) {
    }

    /** The consumer's batched, version-guarded upsert (package-visible for the plan test). */
    static final String UPSERT_NEWER = """
                    INSERT INTO known_patient AS k (id, practice_id, first_name, last_name, date_of_birth, sex,
                        address_line1, address_line2, address_city, address_state, address_postal_code,
                        updated_at, applied_version)
                    SELECT u.id::uuid, u.practice_id, u.first_name, u.last_name, u.date_of_birth::date, u.sex,
                        u.line1, u.line2, u.city, u.state, u.postal_code, ?, u.version::bigint
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        AS u (id, practice_id, first_name, last_name, date_of_birth, sex, line1, line2, city, state,
                              postal_code, version)
                    ON CONFLICT (id) DO UPDATE SET practice_id = EXCLUDED.practice_id,
                        first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                        date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex,
                        address_line1 = EXCLUDED.address_line1, address_line2 = EXCLUDED.address_line2,
                        address_city = EXCLUDED.address_city, address_state = EXCLUDED.address_state,
                        address_postal_code = EXCLUDED.address_postal_code, updated_at = EXCLUDED.updated_at,
                        applied_version = EXCLUDED.applied_version
                    WHERE k.applied_version < EXCLUDED.applied_version
                    RETURNING k.id""";

    /**
     * Inserts or updates many patients in one statement, each only where the row does not already
     * reflect that version or a later one (a merge's mark is kept). Ids must be distinct.
     *
     * @return the ids written (the others were not newer than their row)
     */
    public Set<UUID> upsertNewer(List<Learnt> patients, Instant now) {
        getEntityManager().flush();
        Set<UUID> written = getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_NEWER)) {
                s.setTimestamp(1, Timestamp.from(now));
                int i = 2;
                s.setArray(i++, texts(c, patients, p -> p.id().toString()));
                s.setArray(i++, texts(c, patients, p -> p.facts().practiceId()));
                s.setArray(i++, texts(c, patients, p -> p.facts().firstName()));
                s.setArray(i++, texts(c, patients, p -> p.facts().lastName()));
                s.setArray(i++, texts(c, patients, p -> p.facts().dateOfBirth().toString()));
                s.setArray(i++, texts(c, patients, p -> p.facts().sex()));
                s.setArray(i++, texts(c, patients, p -> address(p, PatientAddress::line1)));
                s.setArray(i++, texts(c, patients, p -> address(p, PatientAddress::line2)));
                s.setArray(i++, texts(c, patients, p -> address(p, PatientAddress::city)));
                s.setArray(i++, texts(c, patients, p -> address(p, PatientAddress::state)));
                s.setArray(i++, texts(c, patients, p -> address(p, PatientAddress::postalCode)));
                s.setArray(i, texts(c, patients, p -> Long.toString(p.version())));
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        // entities loaded before the statement would be stale
        getEntityManager().clear();
        return written;
    }

    private static String address(Learnt p, Function<PatientAddress, String> part) {
        return p.facts().address() == null ? null : part.apply(p.facts().address());
    }

    private static java.sql.Array texts(Connection c, List<Learnt> patients, Function<Learnt, String> value)
            throws SQLException {
        return c.createArrayOf("text", patients.stream().map(value).toArray(String[]::new));
    }
}
