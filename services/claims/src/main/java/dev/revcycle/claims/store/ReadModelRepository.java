package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.ClaimNearFilingLimit;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.EligibilityFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read model learnt from patients' and eligibility's events: known_patient, known_coverage and
 * latest_eligibility. Every write is version-guarded: a row changes only for an event newer than
 * what it reflects.
 */
@ApplicationScoped
public class ReadModelRepository {
    /** What a version-guarded write did. */
    public enum Written { APPLIED, STALE, UNKNOWN }

    static final String UPSERT_PATIENT = """
            INSERT INTO known_patient AS k (id, practice_id, mrn, first_name, last_name, date_of_birth, sex,
                address_line1, address_line2, address_city, address_state, address_postal_code, address_undeliverable,
                applied_version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET practice_id = EXCLUDED.practice_id, mrn = EXCLUDED.mrn,
                first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex,
                address_line1 = EXCLUDED.address_line1, address_line2 = EXCLUDED.address_line2,
                address_city = EXCLUDED.address_city, address_state = EXCLUDED.address_state,
                address_postal_code = EXCLUDED.address_postal_code,
                address_undeliverable = EXCLUDED.address_undeliverable,
                applied_version = EXCLUDED.applied_version, updated_at = EXCLUDED.updated_at
            WHERE k.applied_version < EXCLUDED.applied_version""";
    static final String PATIENT_COLUMNS = "id, practice_id, mrn, first_name, last_name, date_of_birth, sex, address_line1,"
            + " address_line2, address_city, address_state, address_postal_code, deceased, merged_into, applied_version";
    static final String PATIENT_BY_ID = "SELECT " + PATIENT_COLUMNS + " FROM known_patient WHERE id = ?";
    static final String PATIENTS_BY_IDS = "SELECT " + PATIENT_COLUMNS + " FROM known_patient WHERE id = ANY(?::uuid[])";
    static final String PATIENT_EXISTS = "SELECT 1 FROM known_patient WHERE id = ?";
    static final String MARK_MERGED = "UPDATE known_patient SET merged_into = ?, applied_version = ?, updated_at = ?"
            + " WHERE id = ? AND applied_version < ?";
    static final String BUMP_VERSION = "UPDATE known_patient SET applied_version = ?, updated_at = ?"
            + " WHERE id = ? AND applied_version < ?";
    static final String MARK_DECEASED = "UPDATE known_patient SET deceased = TRUE, date_of_death = ?, applied_version = ?,"
            + " updated_at = ? WHERE id = ? AND applied_version < ?";
    static final String MARK_UNDELIVERABLE = "UPDATE known_patient SET address_undeliverable = TRUE, applied_version = ?,"
            + " updated_at = ? WHERE id = ? AND applied_version < ?";
    static final String CORRECT_ADDRESS = "UPDATE known_patient SET address_line1 = ?, address_line2 = ?, address_city = ?,"
            + " address_state = ?, address_postal_code = ?, address_undeliverable = FALSE, applied_version = ?,"
            + " updated_at = ? WHERE id = ? AND applied_version < ?";

    static final String UPSERT_COVERAGE = """
            INSERT INTO known_coverage AS k (id, patient_id, practice_id, payer_id, payer_name, payer_type, x12_payer_id,
                timely_filing_days, member_id, group_number, plan_name, priority, subscriber_relationship,
                subscriber_first_name, subscriber_last_name, subscriber_date_of_birth, effective_date, termination_date,
                terminated, applied_version, updated_at, medicare_secondary_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET patient_id = EXCLUDED.patient_id, practice_id = EXCLUDED.practice_id,
                payer_id = EXCLUDED.payer_id, payer_name = EXCLUDED.payer_name, payer_type = EXCLUDED.payer_type,
                x12_payer_id = EXCLUDED.x12_payer_id, timely_filing_days = EXCLUDED.timely_filing_days,
                member_id = EXCLUDED.member_id, group_number = EXCLUDED.group_number, plan_name = EXCLUDED.plan_name,
                priority = EXCLUDED.priority, subscriber_relationship = EXCLUDED.subscriber_relationship,
                subscriber_first_name = EXCLUDED.subscriber_first_name,
                subscriber_last_name = EXCLUDED.subscriber_last_name,
                subscriber_date_of_birth = EXCLUDED.subscriber_date_of_birth,
                effective_date = EXCLUDED.effective_date, termination_date = EXCLUDED.termination_date,
                terminated = k.terminated OR EXCLUDED.terminated,
                medicare_secondary_type = EXCLUDED.medicare_secondary_type,
                applied_version = EXCLUDED.applied_version, updated_at = EXCLUDED.updated_at
            WHERE k.applied_version < EXCLUDED.applied_version""";
    /**
     * After a coverage is written: its claims' timely filing deadlines (V80) from its filing days as they are now. By
     * the coverage's claims (claim_by_coverage: one patient's); writes only the rows whose deadline changes.
     */
    static final String REFRESH_FILING_DEADLINES = """
            UPDATE claim c SET filing_deadline = c.first_service_date + COALESCE(k.timely_filing_days, %d)
            FROM known_coverage k
            WHERE k.id = ? AND c.coverage_id = k.id AND c.first_service_date IS NOT NULL
              AND c.filing_deadline IS DISTINCT FROM c.first_service_date + COALESCE(k.timely_filing_days, %d)"""
            .formatted(ClaimNearFilingLimit.DEFAULT_FILING_DAYS, ClaimNearFilingLimit.DEFAULT_FILING_DAYS);
    static final String TERMINATE_COVERAGE = "UPDATE known_coverage SET termination_date = ?, terminated = TRUE,"
            + " applied_version = ?, updated_at = ? WHERE id = ? AND applied_version < ?";
    static final String COVERAGE_EXISTS = "SELECT 1 FROM known_coverage WHERE id = ?";
    static final String COVERAGE_COLUMNS = "id, patient_id, practice_id, payer_id, payer_name, payer_type, x12_payer_id,"
            + " timely_filing_days, member_id, group_number, plan_name, priority, subscriber_relationship,"
            + " subscriber_first_name, subscriber_last_name, subscriber_date_of_birth, effective_date, termination_date,"
            + " terminated, applied_version, medicare_secondary_type";
    static final String COVERAGE_BY_ID = "SELECT " + COVERAGE_COLUMNS + " FROM known_coverage WHERE id = ?";
    static final String COVERAGES_BY_IDS = "SELECT " + COVERAGE_COLUMNS + " FROM known_coverage WHERE id = ANY(?::uuid[])";

    static final String UPSERT_ELIGIBILITY = """
            INSERT INTO latest_eligibility AS e (coverage_id, check_id, patient_id, practice_id, service_date, status,
                plan_begin, plan_end, learnt_at, copay, coinsurance_percent, deductible, deductible_remaining,
                out_of_pocket, out_of_pocket_remaining)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (coverage_id) DO UPDATE SET check_id = EXCLUDED.check_id, patient_id = EXCLUDED.patient_id,
                practice_id = EXCLUDED.practice_id, service_date = EXCLUDED.service_date, status = EXCLUDED.status,
                plan_begin = EXCLUDED.plan_begin, plan_end = EXCLUDED.plan_end, learnt_at = EXCLUDED.learnt_at,
                copay = EXCLUDED.copay, coinsurance_percent = EXCLUDED.coinsurance_percent,
                deductible = EXCLUDED.deductible, deductible_remaining = EXCLUDED.deductible_remaining,
                out_of_pocket = EXCLUDED.out_of_pocket, out_of_pocket_remaining = EXCLUDED.out_of_pocket_remaining
            WHERE e.check_id <> EXCLUDED.check_id""";
    /** The benefits of the latest check of a coverage, for estimates (V79). */
    public static final String BENEFITS_BY_COVERAGE = "SELECT check_id, service_date, status, copay, coinsurance_percent,"
            + " deductible_remaining, out_of_pocket_remaining FROM latest_eligibility WHERE coverage_id = ?";
    static final String ELIGIBILITY_COLUMNS = "check_id, coverage_id, service_date, status, plan_begin, plan_end";
    static final String ELIGIBILITY_BY_COVERAGE = "SELECT " + ELIGIBILITY_COLUMNS
            + " FROM latest_eligibility WHERE coverage_id = ?";
    static final String ELIGIBILITY_BY_COVERAGES = "SELECT " + ELIGIBILITY_COLUMNS
            + " FROM latest_eligibility WHERE coverage_id = ANY(?::uuid[])";

    @Inject
    Jdbc jdbc;

    // ---- patients

    public Written upsertPatient(PatientFacts p, Instant now) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_PATIENT)) {
                int i = 1;
                s.setObject(i++, p.patientId());
                s.setString(i++, p.practiceId());
                s.setString(i++, p.mrn());
                s.setString(i++, p.firstName());
                s.setString(i++, p.lastName());
                Jdbc.date(s, i++, p.dateOfBirth());
                s.setString(i++, p.sex());
                PostalAddress a = p.address();
                s.setString(i++, a == null ? null : a.line1());
                s.setString(i++, a == null ? null : a.line2());
                s.setString(i++, a == null ? null : a.city());
                s.setString(i++, a == null ? null : a.state());
                s.setString(i++, a == null ? null : a.postalCode());
                s.setBoolean(i++, false);
                s.setLong(i++, p.version());
                s.setTimestamp(i, Timestamp.from(now));
                return s.executeUpdate() == 1 ? Written.APPLIED : Written.STALE;
            }
        });
    }

    public Written markMerged(UUID duplicateId, UUID survivorId, long version, Instant now) {
        return guarded(MARK_MERGED, PATIENT_EXISTS, duplicateId, s -> {
            s.setObject(1, survivorId);
            s.setLong(2, version);
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, duplicateId);
            s.setLong(5, version);
        });
    }

    public Written bumpPatientVersion(UUID patientId, long version, Instant now) {
        return guarded(BUMP_VERSION, PATIENT_EXISTS, patientId, s -> {
            s.setLong(1, version);
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, patientId);
            s.setLong(4, version);
        });
    }

    public Written markDeceased(UUID patientId, LocalDate dateOfDeath, long version, Instant now) {
        return guarded(MARK_DECEASED, PATIENT_EXISTS, patientId, s -> {
            Jdbc.date(s, 1, dateOfDeath);
            s.setLong(2, version);
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, patientId);
            s.setLong(5, version);
        });
    }

    public Written markAddressUndeliverable(UUID patientId, long version, Instant now) {
        return guarded(MARK_UNDELIVERABLE, PATIENT_EXISTS, patientId, s -> {
            s.setLong(1, version);
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, patientId);
            s.setLong(4, version);
        });
    }

    public Written correctAddress(UUID patientId, PostalAddress a, long version, Instant now) {
        return guarded(CORRECT_ADDRESS, PATIENT_EXISTS, patientId, s -> {
            s.setString(1, a == null ? null : a.line1());
            s.setString(2, a == null ? null : a.line2());
            s.setString(3, a == null ? null : a.city());
            s.setString(4, a == null ? null : a.state());
            s.setString(5, a == null ? null : a.postalCode());
            s.setLong(6, version);
            s.setTimestamp(7, Timestamp.from(now));
            s.setObject(8, patientId);
            s.setLong(9, version);
        });
    }

    public PatientFacts patient(UUID id) {
        Map<UUID, PatientFacts> found = patients(List.of(id));
        return found.get(id);
    }

    public Map<UUID, PatientFacts> patients(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.work(c -> {
            boolean one = ids.size() == 1;
            try (PreparedStatement s = c.prepareStatement(one ? PATIENT_BY_ID : PATIENTS_BY_IDS)) {
                if (one) {
                    s.setObject(1, ids.iterator().next());
                } else {
                    s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                }
                Map<UUID, PatientFacts> out = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String line1 = rs.getString("address_line1");
                        PostalAddress a = line1 == null ? null : new PostalAddress(line1, rs.getString("address_line2"),
                                rs.getString("address_city"), rs.getString("address_state"),
                                rs.getString("address_postal_code"));
                        PatientFacts p = new PatientFacts(Jdbc.uuid(rs, "id"), rs.getString("practice_id"),
                                rs.getString("mrn"), rs.getString("first_name"), rs.getString("last_name"),
                                Jdbc.date(rs, "date_of_birth"), rs.getString("sex"), a, rs.getBoolean("deceased"),
                                Jdbc.uuid(rs, "merged_into"), rs.getLong("applied_version"));
                        out.put(p.patientId(), p);
                    }
                }
                return out;
            }
        });
    }

    // ---- coverages

    public Written upsertCoverage(CoverageFacts f, Instant now) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_COVERAGE)) {
                int i = 1;
                s.setObject(i++, f.coverageId());
                s.setObject(i++, f.patientId());
                s.setString(i++, f.practiceId());
                s.setObject(i++, f.payerId());
                s.setString(i++, f.payerName());
                s.setString(i++, f.payerType());
                s.setString(i++, f.x12PayerId());
                if (f.timelyFilingDays() == null) {
                    s.setNull(i++, java.sql.Types.INTEGER);
                } else {
                    s.setInt(i++, f.timelyFilingDays());
                }
                s.setString(i++, f.memberId());
                s.setString(i++, f.groupNumber());
                s.setString(i++, f.planName());
                s.setString(i++, f.priority());
                s.setString(i++, f.subscriberRelationship());
                s.setString(i++, f.subscriberFirstName());
                s.setString(i++, f.subscriberLastName());
                Jdbc.date(s, i++, f.subscriberDateOfBirth());
                Jdbc.date(s, i++, f.effectiveDate());
                Jdbc.date(s, i++, f.terminationDate());
                s.setBoolean(i++, f.terminated());
                s.setLong(i++, f.version());
                s.setTimestamp(i++, Timestamp.from(now));
                s.setString(i, f.medicareSecondaryType());
                if (s.executeUpdate() != 1) {
                    return Written.STALE;
                }
            }
            try (PreparedStatement s = c.prepareStatement(REFRESH_FILING_DEADLINES)) {
                s.setObject(1, f.coverageId());
                s.executeUpdate();
                return Written.APPLIED;
            }
        });
    }

    public Written terminateCoverage(UUID coverageId, LocalDate terminationDate, long version, Instant now) {
        return guarded(TERMINATE_COVERAGE, COVERAGE_EXISTS, coverageId, s -> {
            Jdbc.date(s, 1, terminationDate);
            s.setLong(2, version);
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, coverageId);
            s.setLong(5, version);
        });
    }

    public CoverageFacts coverage(UUID id) {
        return coverages(List.of(id)).get(id);
    }

    public Map<UUID, CoverageFacts> coverages(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.work(c -> {
            boolean one = ids.size() == 1;
            try (PreparedStatement s = c.prepareStatement(one ? COVERAGE_BY_ID : COVERAGES_BY_IDS)) {
                if (one) {
                    s.setObject(1, ids.iterator().next());
                } else {
                    s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                }
                Map<UUID, CoverageFacts> out = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        CoverageFacts f = new CoverageFacts(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "patient_id"),
                                rs.getString("practice_id"), Jdbc.uuid(rs, "payer_id"), rs.getString("payer_name"),
                                rs.getString("payer_type"), rs.getString("x12_payer_id"),
                                Jdbc.integer(rs, "timely_filing_days"), rs.getString("member_id"),
                                rs.getString("group_number"), rs.getString("plan_name"), rs.getString("priority"),
                                rs.getString("subscriber_relationship"), rs.getString("subscriber_first_name"),
                                rs.getString("subscriber_last_name"), Jdbc.date(rs, "subscriber_date_of_birth"),
                                Jdbc.date(rs, "effective_date"), Jdbc.date(rs, "termination_date"),
                                rs.getBoolean("terminated"), rs.getLong("applied_version"),
                                rs.getString("medicare_secondary_type"));
                        out.put(f.coverageId(), f);
                    }
                }
                return out;
            }
        });
    }

    // ---- eligibility

    /**
     * @param benefits the check's patient-cost benefits as the event gave them (null: none), kept for estimates
     */
    public void upsertEligibility(EligibilityFacts e, dev.revcycle.claims.domain.pricing.CheckedBenefits benefits, UUID patientId,
                                  String practiceId, Instant now) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_ELIGIBILITY)) {
                s.setObject(1, e.coverageId());
                s.setObject(2, e.checkId());
                s.setObject(3, patientId);
                s.setString(4, practiceId);
                Jdbc.date(s, 5, e.serviceDate());
                s.setString(6, e.status());
                Jdbc.date(s, 7, e.planBegin());
                Jdbc.date(s, 8, e.planEnd());
                s.setTimestamp(9, Timestamp.from(now));
                s.setBigDecimal(10, benefits == null ? null : benefits.copay());
                s.setBigDecimal(11, benefits == null ? null : benefits.coinsurancePercent());
                s.setBigDecimal(12, benefits == null ? null : benefits.deductible());
                s.setBigDecimal(13, benefits == null ? null : benefits.deductibleRemaining());
                s.setBigDecimal(14, benefits == null ? null : benefits.outOfPocket());
                s.setBigDecimal(15, benefits == null ? null : benefits.outOfPocketRemaining());
                return s.executeUpdate();
            }
        });
    }

    /** The latest check of a coverage with its benefits, or null when none was learnt. */
    public EligibilityBenefits benefits(UUID coverageId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BENEFITS_BY_COVERAGE)) {
                s.setObject(1, coverageId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new EligibilityBenefits(Jdbc.uuid(rs, "check_id"), Jdbc.date(rs, "service_date"),
                            rs.getString("status"), new dev.revcycle.claims.domain.pricing.PlanBenefits(
                                    rs.getBigDecimal("copay"), rs.getBigDecimal("coinsurance_percent"),
                                    rs.getBigDecimal("deductible_remaining"), rs.getBigDecimal("out_of_pocket_remaining")));
                }
            }
        });
    }

    /** A coverage's latest eligibility check: its id, the date it asked about, its status and the benefits it gave. */
    public record EligibilityBenefits(UUID checkId, java.time.LocalDate serviceDate, String status,
                                      dev.revcycle.claims.domain.pricing.PlanBenefits benefits) {
    }

    public EligibilityFacts eligibility(UUID coverageId) {
        return eligibilities(List.of(coverageId)).get(coverageId);
    }

    public Map<UUID, EligibilityFacts> eligibilities(Collection<UUID> coverageIds) {
        if (coverageIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.work(c -> {
            boolean one = coverageIds.size() == 1;
            try (PreparedStatement s = c.prepareStatement(one ? ELIGIBILITY_BY_COVERAGE : ELIGIBILITY_BY_COVERAGES)) {
                if (one) {
                    s.setObject(1, coverageIds.iterator().next());
                } else {
                    s.setArray(1, c.createArrayOf("uuid", coverageIds.toArray()));
                }
                Map<UUID, EligibilityFacts> out = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        EligibilityFacts f = new EligibilityFacts(Jdbc.uuid(rs, "check_id"), Jdbc.uuid(rs, "coverage_id"),
                                Jdbc.date(rs, "service_date"), rs.getString("status"), Jdbc.date(rs, "plan_begin"),
                                Jdbc.date(rs, "plan_end"));
                        out.put(f.coverageId(), f);
                    }
                }
                return out;
            }
        });
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private Written guarded(String update, String exists, UUID id, Binder binder) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(update)) {
                binder.bind(s);
                if (s.executeUpdate() == 1) {
                    return Written.APPLIED;
                }
            }
            try (PreparedStatement s = c.prepareStatement(exists)) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Written.STALE : Written.UNKNOWN;
                }
            }
        });
    }

}
