package dev.revcycle.claims.store;

import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProviderRepository {
    static final String COLUMNS = "id, practice_id, npi, name, entity_type, taxonomy_code, tax_id, address_line1, "
            + "address_line2, address_city, address_state, address_postal_code, default_billing, version";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM provider WHERE id = ?";
    static final String BY_IDS = "SELECT " + COLUMNS + " FROM provider WHERE id = ANY(?::uuid[])";
    static final String BY_PRACTICE_NPI = "SELECT " + COLUMNS + " FROM provider WHERE practice_id = ? AND npi = ?";
    static final String DEFAULT_OF_PRACTICE = "SELECT " + COLUMNS
            + " FROM provider WHERE practice_id = ? AND default_billing LIMIT 1 FOR UPDATE"; // at most one (a partial unique index)
    static final String PAGE = "SELECT " + COLUMNS + " FROM provider WHERE practice_id = ANY(?::text[])"
            + " ORDER BY practice_id, name, id LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT count(*) FROM (SELECT 1 FROM provider WHERE practice_id = ANY(?::text[]) LIMIT ?) x";
    static final String PAGE_NPI = "SELECT " + COLUMNS + " FROM provider WHERE practice_id = ANY(?::text[]) AND npi = ?"
            + " ORDER BY practice_id, name, id LIMIT ? OFFSET ?";
    static final String INSERT = "INSERT INTO provider (" + COLUMNS + ", created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (practice_id, npi) DO NOTHING";
    static final String UPDATE = "UPDATE provider SET npi = ?, name = ?, entity_type = ?, taxonomy_code = ?, tax_id = ?,"
            + " address_line1 = ?, address_line2 = ?, address_city = ?, address_state = ?, address_postal_code = ?,"
            + " default_billing = ?, version = ?, updated_at = ? WHERE id = ?";
    static final int COUNT_CAP = 10_000;

    @Inject
    Jdbc jdbc;

    public Provider find(UUID id, boolean lock) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_ID + (lock ? " FOR UPDATE" : ""))) {
                s.setObject(1, id);
                return one(s);
            }
        });
    }

    public List<Provider> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_IDS)) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                return all(s);
            }
        });
    }

    public Provider byPracticeAndNpi(String practiceId, String npi) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(BY_PRACTICE_NPI)) {
                s.setString(1, practiceId);
                s.setString(2, npi);
                return one(s);
            }
        });
    }

    /** The practice's default billing provider, locked; null when it has none. */
    public Provider lockDefault(String practiceId) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(DEFAULT_OF_PRACTICE)) {
                s.setString(1, practiceId);
                return one(s);
            }
        });
    }

    public Page<Provider> page(Collection<String> practices, String npi, PageRequest page) {
        if (practices.isEmpty()) {
            return Page.empty(page);
        }
        return jdbc.work(c -> {
            java.sql.Array p = c.createArrayOf("text", practices.toArray());
            List<Provider> items;
            try (PreparedStatement s = c.prepareStatement(npi == null ? PAGE : PAGE_NPI)) {
                int i = 1;
                s.setArray(i++, p);
                if (npi != null) {
                    s.setString(i++, npi);
                }
                s.setInt(i++, page.size());
                s.setInt(i, page.offset());
                items = all(s);
            }
            if (npi != null) {
                return new Page<>(items, page.page(), page.size(), items.size() + (long) page.offset());
            }
            try (PreparedStatement s = c.prepareStatement(COUNT)) {
                s.setArray(1, p);
                s.setInt(2, COUNT_CAP + 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long total = rs.getLong(1);
                    return new Page<>(items, page.page(), page.size(), Math.min(total, COUNT_CAP), total <= COUNT_CAP);
                }
            }
        });
    }

    /** @return false when the practice already has a provider with this NPI (nothing written) */
    public boolean insert(Provider p, Instant now) {
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, p.id());
                s.setString(2, p.practiceId());
                int i = fields(s, 3, p);
                s.setTimestamp(i++, Timestamp.from(now));
                s.setTimestamp(i, Timestamp.from(now));
                return s.executeUpdate() == 1;
            }
        });
    }

    public void update(Provider p, Instant now) {
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(UPDATE)) {
                int i = fields(s, 1, p);
                s.setTimestamp(i++, Timestamp.from(now));
                s.setObject(i, p.id());
                return s.executeUpdate();
            }
        });
    }

    private static int fields(PreparedStatement s, int i, Provider p) throws SQLException {
        s.setString(i++, p.npi());
        s.setString(i++, p.name());
        s.setString(i++, p.entityType().name());
        s.setString(i++, p.taxonomyCode());
        s.setString(i++, p.taxId());
        PostalAddress a = p.address();
        s.setString(i++, a == null ? null : a.line1());
        s.setString(i++, a == null ? null : a.line2());
        s.setString(i++, a == null ? null : a.city());
        s.setString(i++, a == null ? null : a.state());
        s.setString(i++, a == null ? null : a.postalCode());
        s.setBoolean(i++, p.defaultBilling());
        s.setLong(i++, p.version());
        return i;
    }

    private static Provider one(PreparedStatement s) throws SQLException {
        List<Provider> all = all(s);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Provider> all(PreparedStatement s) throws SQLException {
        List<Provider> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String line1 = rs.getString("address_line1");
                PostalAddress address = line1 == null ? null : new PostalAddress(line1, rs.getString("address_line2"),
                        rs.getString("address_city"), rs.getString("address_state"), rs.getString("address_postal_code"));
                out.add(new Provider(Jdbc.uuid(rs, "id"), rs.getString("practice_id"), rs.getString("npi"),
                        rs.getString("name"), ProviderEntityType.valueOf(rs.getString("entity_type")),
                        rs.getString("taxonomy_code"), rs.getString("tax_id"), address, rs.getBoolean("default_billing"),
                        rs.getLong("version")));
            }
        }
        return out;
    }
}
