package dev.revcycle.collections.store;

import dev.revcycle.collections.domain.KnownPatient;
import dev.revcycle.collections.domain.PatientFacts;
import dev.revcycle.collections.domain.PostalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Patients' demographics and states (patient), learnt from patients' events. Every write is version-guarded:
 * a row changes only for an event newer than what it reflects.
 */
@ApplicationScoped
public class PatientStore {
    /** What a version-guarded write did. */
    public enum Written { APPLIED, STALE, UNKNOWN }

    static final String UPSERT = """
            INSERT INTO patient AS p (id, practice_id, mrn, first_name, last_name, date_of_birth, address_line1,
                address_line2, address_city, address_state, address_postal_code, address_undeliverable, phone, email,
                guarantor_first_name, guarantor_last_name, guarantor_relationship, guarantor_line1, guarantor_line2,
                guarantor_city, guarantor_state, guarantor_postal_code, version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET practice_id = EXCLUDED.practice_id, mrn = EXCLUDED.mrn,
                first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, date_of_birth = EXCLUDED.date_of_birth,
                address_line1 = EXCLUDED.address_line1, address_line2 = EXCLUDED.address_line2,
                address_city = EXCLUDED.address_city, address_state = EXCLUDED.address_state,
                address_postal_code = EXCLUDED.address_postal_code,
                address_undeliverable = EXCLUDED.address_undeliverable,
                undeliverable_since = CASE WHEN EXCLUDED.address_undeliverable THEN p.undeliverable_since END,
                phone = EXCLUDED.phone, email = EXCLUDED.email,
                guarantor_first_name = EXCLUDED.guarantor_first_name, guarantor_last_name = EXCLUDED.guarantor_last_name,
                guarantor_relationship = EXCLUDED.guarantor_relationship, guarantor_line1 = EXCLUDED.guarantor_line1,
                guarantor_line2 = EXCLUDED.guarantor_line2, guarantor_city = EXCLUDED.guarantor_city,
                guarantor_state = EXCLUDED.guarantor_state, guarantor_postal_code = EXCLUDED.guarantor_postal_code,
                version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            WHERE p.version < EXCLUDED.version""";
    static final String COLUMNS = "id, practice_id, mrn, first_name, last_name, date_of_birth, address_line1, address_line2, "
            + "address_city, address_state, address_postal_code, address_undeliverable, phone, email, guarantor_first_name, "
            + "guarantor_last_name, guarantor_relationship, guarantor_line1, guarantor_line2, guarantor_city, "
            + "guarantor_state, guarantor_postal_code, deceased, date_of_death, merged_into, version";
    static final String FIND = "SELECT " + COLUMNS + " FROM patient WHERE id = ?";
    static final String FIND_MANY = "SELECT " + COLUMNS + " FROM patient WHERE id = ANY (?)";
    static final String EXISTS = "SELECT 1 FROM patient WHERE id = ?";
    static final String DECEASED = "UPDATE patient SET deceased = TRUE, date_of_death = ?, version = ?, updated_at = ? "
            + "WHERE id = ? AND version < ?";
    static final String UNDELIVERABLE = "UPDATE patient SET address_undeliverable = TRUE, undeliverable_since = ?, "
            + "version = ?, updated_at = ? WHERE id = ? AND version < ?";
    static final String CORRECTED = "UPDATE patient SET address_line1 = ?, address_line2 = ?, address_city = ?, "
            + "address_state = ?, address_postal_code = ?, address_undeliverable = FALSE, undeliverable_since = NULL, "
            + "version = ?, updated_at = ? WHERE id = ? AND version < ?";
    static final String MERGED = "UPDATE patient SET merged_into = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?";
    /** A patient known only from an event after their registration (which this service never saw): no demographics. */
    static final String STUB = "INSERT INTO patient (id, practice_id, version, updated_at) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (id) DO NOTHING";
    static final String BUMP = "UPDATE patient SET version = ?, updated_at = ? WHERE id = ? AND version < ?";

    @Inject
    Jdbc jdbc;

    public Written upsert(PatientFacts p, Instant now) {
        PostalAddress a = p.address() == null ? new PostalAddress(null, null, null, null, null) : p.address();
        PostalAddress g = p.guarantorAddress() == null ? new PostalAddress(null, null, null, null, null) : p.guarantorAddress();
        int n = jdbc.update(UPSERT, p.patientId(), p.practiceId(), Jdbc.text(p.mrn()), Jdbc.text(p.firstName()),
                Jdbc.text(p.lastName()), Jdbc.date(p.dateOfBirth()), Jdbc.text(a.line1()), Jdbc.text(a.line2()),
                Jdbc.text(a.city()), Jdbc.text(a.state()), Jdbc.text(a.postalCode()), p.addressUndeliverable(),
                Jdbc.text(p.phone()), Jdbc.text(p.email()), Jdbc.text(p.guarantorFirstName()),
                Jdbc.text(p.guarantorLastName()), Jdbc.text(p.guarantorRelationship()), Jdbc.text(g.line1()),
                Jdbc.text(g.line2()), Jdbc.text(g.city()), Jdbc.text(g.state()), Jdbc.text(g.postalCode()), p.version(),
                now);
        return n == 1 ? Written.APPLIED : Written.STALE;
    }

    public Optional<KnownPatient> find(UUID id) {
        return jdbc.one(FIND, PatientStore::row, id);
    }

    public List<KnownPatient> find(Collection<UUID> ids) {
        return jdbc.list(FIND_MANY, PatientStore::row, (Object) ids.toArray(UUID[]::new));
    }

    public Written deceased(UUID id, LocalDate dateOfDeath, long version, Instant now) {
        return guarded(id, DECEASED, Jdbc.date(dateOfDeath), version, now, id, version);
    }

    public Written undeliverable(UUID id, LocalDate reportedOn, long version, Instant now) {
        return guarded(id, UNDELIVERABLE, Jdbc.date(reportedOn), version, now, id, version);
    }

    public Written corrected(UUID id, PostalAddress a, long version, Instant now) {
        PostalAddress x = a == null ? new PostalAddress(null, null, null, null, null) : a;
        return guarded(id, CORRECTED, Jdbc.text(x.line1()), Jdbc.text(x.line2()), Jdbc.text(x.city()),
                Jdbc.text(x.state()), Jdbc.text(x.postalCode()), version, now, id, version);
    }

    public Written merged(UUID duplicateId, UUID survivorId, long version, Instant now) {
        return guarded(duplicateId, MERGED, survivorId, version, now, duplicateId, version);
    }

    /** Records a patient not seen before at {@code version} (a guarded update of a later version then applies). */
    public void stub(UUID id, String practiceId, long version, Instant now) {
        jdbc.update(STUB, id, practiceId, version, now);
    }

    public Written bump(UUID id, long version, Instant now) {
        return guarded(id, BUMP, version, now, id, version);
    }

    private Written guarded(UUID id, String sql, Object... params) {
        if (jdbc.update(sql, params) == 1) {
            return Written.APPLIED;
        }
        return jdbc.count(EXISTS, id) > 0 ? Written.STALE : Written.UNKNOWN;
    }

    static KnownPatient row(ResultSet rs) throws SQLException {
        PatientFacts facts = new PatientFacts(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), rs.getString("mrn"),
                rs.getString("first_name"), rs.getString("last_name"), Jdbc.date(rs, "date_of_birth"),
                new PostalAddress(rs.getString("address_line1"), rs.getString("address_line2"),
                        rs.getString("address_city"), rs.getString("address_state"), rs.getString("address_postal_code")),
                rs.getBoolean("address_undeliverable"), rs.getString("phone"), rs.getString("email"),
                rs.getString("guarantor_first_name"), rs.getString("guarantor_last_name"),
                rs.getString("guarantor_relationship"),
                new PostalAddress(rs.getString("guarantor_line1"), rs.getString("guarantor_line2"),
                        rs.getString("guarantor_city"), rs.getString("guarantor_state"),
                        rs.getString("guarantor_postal_code")),
                rs.getLong("version"));
        return new KnownPatient(facts, rs.getBoolean("deceased"), Jdbc.date(rs, "date_of_death"),
                Jdbc.uuid(rs, "merged_into"));
    }
}
