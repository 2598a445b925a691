package dev.revcycle.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At start-up common's migrations ran first, into their own history; the service's into flyway_schema_history. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class MigrationHistoriesTest {
    @Inject
    AgroalDataSource db;

    @Test
    void commonAndTheServiceEachHaveTheirOwnHistoryAndCommonRanFirst() throws Exception {
        List<String> service = versions("flyway_schema_history");
        List<String> common = versions("flyway_common_history");

        assertThat(service).isNotEmpty().allMatch(v -> !v.startsWith("0"));
        assertThat(service.get(0)).isEqualTo("1");
        assertThat(common).startsWith("0", "0.1", "0.2", "0.3").isSorted();
        assertThat(latest("flyway_common_history")).isBeforeOrEqualTo(first("flyway_schema_history", "1"));
    }

    private List<String> versions(String table) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + table
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private Timestamp latest(String table) throws Exception {
        return single("SELECT max(installed_on) FROM " + table);
    }

    private Timestamp first(String table, String version) throws Exception {
        return single("SELECT installed_on FROM " + table + " WHERE version = '" + version + "'");
    }

    private Timestamp single(String query) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }
}
