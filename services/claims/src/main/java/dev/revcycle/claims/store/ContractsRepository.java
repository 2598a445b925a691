package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.pricing.PracticeChargeMaster;
import dev.revcycle.claims.domain.pricing.FeeScheduleVersion;
import dev.revcycle.claims.domain.pricing.ChargeMasterItem;
import dev.revcycle.claims.domain.pricing.ContractedRate;
import dev.revcycle.claims.domain.pricing.ProcedureKey;
import dev.revcycle.claims.domain.pricing.UnderpaymentTolerance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Charge masters, fee schedules and underpayment tolerances (V75–V77), in plain SQL on the transaction's connection.
 * The per-line lookups ({@link #CHARGE_ON}, {@link #FEE_VERSION_ON}, {@link #RATE}) are key lookups, checked as
 * generic plans by ContractsQueryPlansTest.
 */
@ApplicationScoped
public class ContractsRepository {
    // ---- charge master
    static final String UPSERT_CHARGE_MASTER = """
            INSERT INTO charge_master AS m (practice_id, item_count, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
            ON CONFLICT (practice_id) DO UPDATE SET item_count = EXCLUDED.item_count, version = m.version + 1,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
            RETURNING version""";
    static final String DELETE_ITEMS = "DELETE FROM charge_master_item WHERE practice_id = ?";
    static final String INSERT_ITEM = """
            INSERT INTO charge_master_item (practice_id, procedure_code, modifier, description, standard_charge,
                cash_price, effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String CHARGE_MASTER = "SELECT item_count, version, updated_at, updated_by FROM charge_master"
            + " WHERE practice_id = ?";
    static final String ITEMS = "SELECT procedure_code, modifier, description, standard_charge, cash_price, effective_from,"
            + " effective_to FROM charge_master_item WHERE practice_id = ? ORDER BY procedure_code, modifier, effective_from";
    /** The newest item of a code and modifier starting on or before a date (its end is checked by the caller). */
    public static final String CHARGE_ON = "SELECT procedure_code, modifier, description, standard_charge, cash_price,"
            + " effective_from, effective_to FROM charge_master_item WHERE practice_id = ? AND procedure_code = ?"
            + " AND modifier = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1";

    // ---- fee schedules
    static final String UPSERT_FEE_VERSION = """
            INSERT INTO fee_schedule_version AS v (id, practice_id, payer_id, effective_from, rate_count, version,
                created_at, created_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (practice_id, payer_id, effective_from) DO UPDATE SET rate_count = EXCLUDED.rate_count,
                version = v.version + 1, created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by
            RETURNING id""";
    static final String DELETE_RATES = "DELETE FROM fee_schedule_rate WHERE version_id = ?";
    static final String INSERT_RATE = "INSERT INTO fee_schedule_rate (version_id, procedure_code, modifier, allowed)"
            + " VALUES (?, ?, ?, ?)";
    static final String VERSION_COLUMNS = "id, payer_id, effective_from, rate_count, version, created_at, created_by";
    /** The version of a payer's schedule in effect on a date of service. */
    public static final String FEE_VERSION_ON = "SELECT " + VERSION_COLUMNS + " FROM fee_schedule_version"
            + " WHERE practice_id = ? AND payer_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1";
    /** Whether the practice has a fee schedule (any version) for the payer: without one no line can be underpaid. */
    public static final String HAS_FEE_SCHEDULE = "SELECT 1 FROM fee_schedule_version WHERE practice_id = ? AND payer_id = ?"
            + " ORDER BY effective_from LIMIT 1"; // in the order of fee_schedule_version_once: its first key
    /** A version's next one (its end is the day before the next's start). */
    public static final String NEXT_FEE_VERSION = "SELECT effective_from FROM fee_schedule_version"
            + " WHERE practice_id = ? AND payer_id = ? AND effective_from > ? ORDER BY effective_from LIMIT 1";
    public static final String FEE_VERSIONS = "SELECT " + VERSION_COLUMNS + " FROM fee_schedule_version"
            + " WHERE practice_id = ? AND payer_id = ? ORDER BY effective_from DESC LIMIT " + (FeeScheduleVersion.MAX_HISTORY + 1);
    public static final String RATE = "SELECT allowed FROM fee_schedule_rate WHERE version_id = ? AND procedure_code = ?"
            + " AND modifier = ?";
    static final String RATES = "SELECT procedure_code, modifier, allowed FROM fee_schedule_rate WHERE version_id = ?"
            + " ORDER BY procedure_code, modifier";

    // ---- tolerance
    static final String UPSERT_TOLERANCE = """
            INSERT INTO underpayment_tolerance AS t (practice_id, amount, percent, version, updated_at, updated_by)
            VALUES (?, ?, ?, 1, ?, ?)
            ON CONFLICT (practice_id) DO UPDATE SET amount = EXCLUDED.amount, percent = EXCLUDED.percent,
                version = t.version + 1, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""";
    public static final String TOLERANCE = "SELECT amount, percent FROM underpayment_tolerance WHERE practice_id = ?";

    @Inject
    Jdbc jdbc;

    /** Replaces the practice's items; answers the charge master's new version. */
    public long replaceChargeMaster(String practiceId, List<ChargeMasterItem> items, String actor, Instant now) {
        return jdbc.work(c -> {
            long version;
            try (PreparedStatement s = c.prepareStatement(UPSERT_CHARGE_MASTER)) {
                s.setString(1, practiceId);
                s.setInt(2, items.size());
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, actor);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(DELETE_ITEMS)) {
                s.setString(1, practiceId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_ITEM)) {
                int n = 0;
                for (ChargeMasterItem i : items) {
                    s.setString(1, practiceId);
                    s.setString(2, i.procedureCode());
                    s.setString(3, i.modifier());
                    s.setString(4, i.description());
                    s.setBigDecimal(5, i.standardCharge().setScale(2));
                    s.setBigDecimal(6, i.cashPrice().setScale(2));
                    Jdbc.date(s, 7, i.effectiveFrom());
                    Jdbc.date(s, 8, i.effectiveTo());
                    s.addBatch();
                    if (++n % 500 == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            return version;
        });
    }

    public PracticeChargeMaster chargeMaster(String practiceId) {
        return jdbc.work(c -> {
            long version;
            Instant at;
            String by;
            try (PreparedStatement s = c.prepareStatement(CHARGE_MASTER)) {
                s.setString(1, practiceId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    version = rs.getLong("version");
                    at = rs.getTimestamp("updated_at").toInstant();
                    by = rs.getString("updated_by");
                }
            }
            List<ChargeMasterItem> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ITEMS)) {
                s.setString(1, practiceId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(item(rs));
                    }
                }
            }
            return new PracticeChargeMaster(practiceId, version, at, by, items);
        });
    }

    /**
     * The item effective on {@code date} for the code and modifier; without an item for the modifier, the code's item
     * without one. Null when there is none.
     */
    public ChargeMasterItem chargeOn(String practiceId, ProcedureKey key, LocalDate date) {
        ChargeMasterItem exact = itemOn(practiceId, key, date);
        if (exact != null || key.modifier().isEmpty()) {
            return exact;
        }
        return itemOn(practiceId, new ProcedureKey(key.procedureCode(), ""), date);
    }

    private ChargeMasterItem itemOn(String practiceId, ProcedureKey key, LocalDate date) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(CHARGE_ON)) {
                s.setString(1, practiceId);
                s.setString(2, key.procedureCode());
                s.setString(3, key.modifier());
                Jdbc.date(s, 4, date);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    ChargeMasterItem item = item(rs);
                    return item.effectiveOn(date) ? item : null;
                }
            }
        });
    }

    private static ChargeMasterItem item(ResultSet rs) throws java.sql.SQLException {
        return new ChargeMasterItem(rs.getString("procedure_code"), rs.getString("modifier"), rs.getString("description"),
                rs.getBigDecimal("standard_charge"), rs.getBigDecimal("cash_price"), Jdbc.date(rs, "effective_from"),
                Jdbc.date(rs, "effective_to"));
    }

    /** Stores a version (a second PUT of the same date replaces its rates); answers its id. */
    public UUID putFeeSchedule(String practiceId, UUID payerId, LocalDate effectiveFrom, List<ContractedRate> rates,
                               String actor, Instant now) {
        return jdbc.work(c -> {
            UUID id;
            try (PreparedStatement s = c.prepareStatement(UPSERT_FEE_VERSION)) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, practiceId);
                s.setObject(3, payerId);
                Jdbc.date(s, 4, effectiveFrom);
                s.setInt(5, rates.size());
                s.setTimestamp(6, Timestamp.from(now));
                s.setString(7, actor);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement s = c.prepareStatement(DELETE_RATES)) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_RATE)) {
                int n = 0;
                for (ContractedRate r : rates) {
                    s.setObject(1, id);
                    s.setString(2, r.procedureCode());
                    s.setString(3, r.modifier());
                    s.setBigDecimal(4, r.allowed().setScale(2));
                    s.addBatch();
                    if (++n % 500 == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            return id;
        });
    }

    /** The version of the payer's schedule in effect on {@code date}, or null. */
    public FeeScheduleVersion feeVersionOn(String practiceId, UUID payerId, LocalDate date) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(FEE_VERSION_ON)) {
                s.setString(1, practiceId);
                s.setObject(2, payerId);
                Jdbc.date(s, 3, date);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? version(rs) : null;
                }
            }
        });
    }

    public boolean hasFeeSchedule(String practiceId, UUID payerId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(HAS_FEE_SCHEDULE)) {
                s.setString(1, practiceId);
                s.setObject(2, payerId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The first day of the version after the one starting {@code effectiveFrom}, or null when it is the latest. */
    public LocalDate nextFeeVersionStart(String practiceId, UUID payerId, LocalDate effectiveFrom) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(NEXT_FEE_VERSION)) {
                s.setString(1, practiceId);
                s.setObject(2, payerId);
                Jdbc.date(s, 3, effectiveFrom);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Jdbc.date(rs, "effective_from") : null;
                }
            }
        });
    }

    /** Every version, newest first (at most {@link FeeScheduleVersion#MAX_HISTORY} + 1, so a caller can tell there are more). */
    public List<FeeScheduleVersion> feeVersions(String practiceId, UUID payerId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(FEE_VERSIONS)) {
                s.setString(1, practiceId);
                s.setObject(2, payerId);
                List<FeeScheduleVersion> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
                return out;
            }
        });
    }

    public List<ContractedRate> rates(UUID versionId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(RATES)) {
                s.setObject(1, versionId);
                List<ContractedRate> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ContractedRate(rs.getString("procedure_code"), rs.getString("modifier"),
                                rs.getBigDecimal("allowed")));
                    }
                }
                return out;
            }
        });
    }

    /** The contracted amount of a code and modifier in a version; without a rate for the modifier, the code's. */
    public BigDecimal rate(UUID versionId, ProcedureKey key) {
        BigDecimal exact = rateOf(versionId, key);
        if (exact != null || key.modifier().isEmpty()) {
            return exact;
        }
        return rateOf(versionId, new ProcedureKey(key.procedureCode(), ""));
    }

    private BigDecimal rateOf(UUID versionId, ProcedureKey key) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(RATE)) {
                s.setObject(1, versionId);
                s.setString(2, key.procedureCode());
                s.setString(3, key.modifier());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getBigDecimal(1) : null;
                }
            }
        });
    }

    private static FeeScheduleVersion version(ResultSet rs) throws java.sql.SQLException {
        return new FeeScheduleVersion(rs.getObject("id", UUID.class), rs.getObject("payer_id", UUID.class),
                Jdbc.date(rs, "effective_from"), rs.getInt("rate_count"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    public void putTolerance(String practiceId, UnderpaymentTolerance t, String actor, Instant now) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT_TOLERANCE)) {
                s.setString(1, practiceId);
                s.setBigDecimal(2, t.amount() == null ? null : t.amount().setScale(2, java.math.RoundingMode.UNNECESSARY));
                s.setBigDecimal(3, t.percent());
                s.setTimestamp(4, Timestamp.from(now));
                s.setString(5, actor);
                return s.executeUpdate();
            }
        });
    }

    /** The practice's tolerance, or null when it never set one (the caller takes the default). */
    public UnderpaymentTolerance tolerance(String practiceId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(TOLERANCE)) {
                s.setString(1, practiceId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new UnderpaymentTolerance(rs.getBigDecimal("amount"), rs.getBigDecimal("percent"))
                            : null;
                }
            }
        });
    }
}
