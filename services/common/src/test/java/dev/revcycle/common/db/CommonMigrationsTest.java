package dev.revcycle.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Common's migrations in their own history, against the real PostgreSQL: a database made by the previous
 * scheme (common's V0_x and the service's V1 in one flyway_schema_history) upgrades cleanly, and a common
 * migration added afterwards is applied. Each test works in a scratch schema of {@code common_test} (made by
 * {@code ./revcycle infra}), dropped before and after.
 */
@Timeout(60)
class CommonMigrationsTest {
    private static final String SCHEMA = "revcycle_upgrade_test";
    private static final String SERVICE = "classpath:db/upgrade-test/service";
    private static final String SERVICE_NEXT = "classpath:db/upgrade-test/service-next";
    private static final String COMMON_NEXT = "classpath:db/upgrade-test/common-next";

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    @BeforeEach
    void scratchSchema() throws SQLException {
        dataSource.setURL("jdbc:postgresql://" + env("REVCYCLE_DB_HOST", "127.0.0.1") + ":"
                + env("REVCYCLE_DB_PORT", "5432") + "/common_test");
        dataSource.setUser("common");
        dataSource.setPassword("common");
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void aDatabaseOfThePreviousSchemeUpgradesAndTakesANewCommonMigration() throws Exception {
        // The previous scheme: quarkus.flyway.locations=db/common,db/migration, one history.
        previousScheme(CommonMigrations.LOCATION, SERVICE).migrate();
        List<String> before = rows("flyway_schema_history");
        assertThat(before).extracting(CommonMigrationsTest::version).startsWith("0.1", "0.2", "0.3").endsWith("1");
        List<String> commonBefore = before.stream().filter(r -> version(r).startsWith("0.")).toList();
        sql("INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)"
                + " VALUES (gen_random_uuid(), 't', 'k', 'E', '{}', now())");
        // Which is why: the previous scheme refuses a common migration numbered after the ones it applied.
        assertThatThrownBy(() -> previousScheme(CommonMigrations.LOCATION, COMMON_NEXT, SERVICE).migrate())
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("0.9999");

        newScheme(SERVICE).migrate();

        assertThat(rows("flyway_schema_history")).extracting(CommonMigrationsTest::version).containsExactly("1");
        List<String> common = rows(CommonMigrations.HISTORY_TABLE);
        // Moved with their checksums, dates and order; then the new one, applied.
        assertThat(common.subList(0, commonBefore.size())).isEqualTo(commonBefore);
        assertThat(common.subList(commonBefore.size(), common.size()))
                .extracting(CommonMigrationsTest::version).containsExactly("0.9999");
        assertThat(common).allMatch(r -> r.endsWith("|true"));
        assertThat(single("SELECT count(*) FROM outbox_event WHERE common_next_marker IS NULL")).isEqualTo("1");
        assertThat(single("SELECT to_regclass('common_next') IS NOT NULL")).isEqualTo("t");

        // Started again: nothing to do. The service's own next migration goes to its own history.
        assertThat(newScheme(SERVICE).migrate().migrationsExecuted).isZero();
        newScheme(SERVICE, SERVICE_NEXT).migrate();
        assertThat(rows("flyway_schema_history")).extracting(CommonMigrationsTest::version).containsExactly("1", "2");
        assertThat(rows(CommonMigrations.HISTORY_TABLE)).isEqualTo(common);
    }

    @Test
    void aFreshDatabaseGetsCommonsTablesBeforeTheServicesInTwoHistories() throws Exception {
        // V1 of the service reads outbox_event: it can only succeed if common's migrations ran before it.
        newScheme(SERVICE).migrate();

        assertThat(rows("flyway_schema_history")).extracting(CommonMigrationsTest::version).containsExactly("1");
        List<String> versions = rows(CommonMigrations.HISTORY_TABLE).stream().map(CommonMigrationsTest::version).toList();
        assertThat(versions).startsWith("0", "0.1", "0.2", "0.3").endsWith("0.9999").isSorted();
        assertThat(single("SELECT count(*) FROM widget_unsent_events")).isEqualTo("0");
    }

    @Test
    void theCustomizerAddsTheCallbackAndRefusesDbCommonAmongTheServicesLocations() {
        FluentConfiguration own = Flyway.configure().locations("db/migration");
        new CommonMigrations().customize(own);
        assertThat(own.getCallbacks()).extracting(c -> c.getCallbackName()).containsExactly("revcycle-common migrations");

        FluentConfiguration both = Flyway.configure().locations("db/common", "db/migration");
        assertThatThrownBy(() -> new CommonMigrations().customize(both))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.flyway.locations lists db/common");
    }

    private Flyway previousScheme(String... locations) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations(locations).load();
    }

    /** What a service's Quarkus Flyway is under the new scheme, with the test's next common migration. */
    private Flyway newScheme(String... serviceLocations) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations(serviceLocations)
                .callbacks(CommonMigrations.callback(CommonMigrations.LOCATION, COMMON_NEXT))
                .load();
    }

    /** Each row of a history: rank|version|script|checksum|installed_on|success. */
    private List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT installed_rank, version, script, checksum, installed_on, success"
                        + " FROM " + SCHEMA + "." + table + " ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getBoolean(6));
            }
        }
        return rows;
    }

    private static String version(String row) {
        return row.split("\\|", -1)[1];
    }

    private String single(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
            try (ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA + ", public");
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
