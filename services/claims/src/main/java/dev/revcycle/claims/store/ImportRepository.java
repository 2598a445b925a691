package dev.revcycle.claims.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Claim imports, and the read-model lookups that match an imported claim to the practice's patient and coverage. */
@ApplicationScoped
public class ImportRepository {
    public static final String PATIENTS_BY_MRN = "SELECT id FROM known_patient WHERE practice_id = ? AND mrn = ?"
            + " AND merged_into IS NULL LIMIT 2";
    public static final String PATIENTS_BY_NAME_DOB = "SELECT id FROM known_patient WHERE practice_id = ? AND date_of_birth = ?"
            + " AND lower(last_name) = lower(?) AND lower(first_name) = lower(?) AND merged_into IS NULL LIMIT 2";
    public static final String COVERAGE_BY_MEMBER = "SELECT id FROM known_coverage WHERE patient_id = ? AND member_id = ?"
            + " AND NOT terminated ORDER BY priority LIMIT 1";
    public static final String BY_DIGEST = "SELECT id, created, refused, results::text FROM claim_import"
            + " WHERE practice_id = ? AND digest = ?";
    public static final String BY_ID = "SELECT id, practice_id, created, refused, results::text FROM claim_import WHERE id = ?";
    public static final String INSERT = "INSERT INTO claim_import (id, practice_id, digest, actor, created, refused, results,"
            + " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (practice_id, digest) DO NOTHING";

    /** An import as recorded: {@code results} is the JSON array of per-claim answers. */
    public record Stored(UUID id, String practiceId, int created, int refused, String results) {
    }

    @Inject
    Jdbc jdbc;

    /** Up to two patients (two = ambiguous). */
    public List<UUID> patientsByMrn(String practiceId, String mrn) {
        return ids(PATIENTS_BY_MRN, practiceId, mrn);
    }

    public List<UUID> patientsByNameAndBirthDate(String practiceId, String lastName, String firstName, LocalDate dateOfBirth) {
        return ids(PATIENTS_BY_NAME_DOB, practiceId, dateOfBirth, lastName, firstName);
    }

    public UUID coverageByMemberId(UUID patientId, String memberId) {
        List<UUID> found = ids(COVERAGE_BY_MEMBER, patientId, memberId);
        return found.isEmpty() ? null : found.get(0);
    }

    public Stored byDigest(String practiceId, String digest) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_DIGEST)) {
                s.setString(1, practiceId);
                s.setString(2, digest);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Stored(r.getObject(1, UUID.class), practiceId, r.getInt(2), r.getInt(3), r.getString(4)) : null;
                }
            }
        });
    }

    public Stored find(UUID id) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_ID)) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Stored(r.getObject(1, UUID.class), r.getString(2), r.getInt(3), r.getInt(4), r.getString(5)) : null;
                }
            }
        });
    }

    /** False when the same file was recorded for the practice meanwhile (a concurrent import of it). */
    public boolean insert(UUID id, String practiceId, String digest, String actor, int created, int refused, String results,
                          Instant now) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, id);
                s.setString(2, practiceId);
                s.setString(3, digest);
                s.setString(4, actor);
                s.setInt(5, created);
                s.setInt(6, refused);
                s.setString(7, results);
                s.setTimestamp(8, Timestamp.from(now));
                return s.executeUpdate() == 1;
            }
        });
    }

    private List<UUID> ids(String sql, Object... params) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof LocalDate d) {
                        s.setObject(i + 1, d);
                    } else {
                        s.setObject(i + 1, params[i]);
                    }
                }
                List<UUID> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getObject(1, UUID.class));
                    }
                }
                return out;
            }
        });
    }
}
