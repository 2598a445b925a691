package dev.revcycle.common.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Common's tables (outbox, inbox, idempotency, PHI audit …) have a Flyway history of their own,
 * {@value #HISTORY_TABLE}, apart from the service's {@code flyway_schema_history}. With one shared history a
 * new common migration (V0_4) would sort before the service's V1, V2 … already applied, and Flyway would refuse
 * it as out of order; with two histories each side only ever grows at its own end.
 *
 * <p>How: every service's Quarkus Flyway (the default datasource, run at start-up from Quarkus's recorder,
 * before any {@code StartupEvent}) gets a callback. Before it validates, the callback moves the rows of common's
 * V0_x migrations that the previous single-history scheme left in {@code flyway_schema_history} into
 * {@value #HISTORY_TABLE}, checksums and all; before it migrates, the callback runs common's own Flyway over
 * {@value #LOCATION}. So common's migrations are always applied before the service's pending ones, on a fresh
 * database, an existing one and an upgraded one alike.
 *
 * <p>Services set {@code quarkus.flyway.locations=db/migration} (their own only); start-up is refused when
 * {@code db/common} is listed there too, since that would apply common's migrations twice.
 */
@Singleton
public class CommonMigrations implements FlywayConfigurationCustomizer {
    public static final String LOCATION = "classpath:db/common";
    public static final String HISTORY_TABLE = "flyway_common_history";
    /** Common's versions are 0.x; services number theirs from 1. */
    static final String COMMON_VERSIONS = "^0(\\.|$)";
    /** Serialises the move of the old history when several instances start at once. */
    private static final long ADOPTION_LOCK = 0x7265766379636c65L; // "revcycle"

    @Override
    public void customize(FluentConfiguration configuration) {
        for (Location location : configuration.getLocations()) {
            if (location.getPath().replaceAll("/+$", "").equals("db/common")) {
                throw new IllegalStateException("quarkus.flyway.locations lists db/common: remove it, common's"
                        + " migrations run with their own history (" + HISTORY_TABLE + ")");
            }
        }
        Callback[] callbacks = Arrays.copyOf(configuration.getCallbacks(), configuration.getCallbacks().length + 1);
        callbacks[callbacks.length - 1] = callback(LOCATION);
        configuration.callbacks(callbacks);
    }

    /** The callback over the given locations; tests add one holding a migration of their own. */
    static Callback callback(String... locations) {
        return new Hook(List.of(locations));
    }

    private record Hook(List<String> locations) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true; // it works on connections of its own
        }

        @Override
        public void handle(Event event, Context context) {
            Configuration service = context.getConfiguration();
            String schema = schema(service);
            // Before validating too, or the service's Flyway would find common's rows without their files.
            adoptOldHistory(service.getDataSource(), schema, service.getTable());
            if (event == Event.BEFORE_MIGRATE) {
                migrate(service, schema);
            }
        }

        @Override
        public String getCallbackName() {
            return "revcycle-common migrations";
        }

        private void migrate(Configuration service, String schema) {
            Flyway common = Flyway.configure(CommonMigrations.class.getClassLoader())
                    .dataSource(service.getDataSource())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(false)
                    .table(HISTORY_TABLE)
                    .locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true)
                    // The service's history table is already there, so the schema is never empty: start the
                    // history at 0, before common's first migration (0.1).
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("revcycle-common history begins")
                    .cleanDisabled(true)
                    .load();
            if (common.info().all().length == 0) {
                throw new FlywayException("no revcycle-common migration found at " + locations);
            }
            common.migrate();
        }

        private static String schema(Configuration service) {
            if (service.getDefaultSchema() != null) {
                return service.getDefaultSchema();
            }
            if (service.getSchemas().length > 0) {
                return service.getSchemas()[0];
            }
            try (Connection connection = service.getDataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new FlywayException("cannot find the schema to migrate", e);
            }
        }

        /**
         * Moves common's rows (versions 0.x) from the service's history into {@value #HISTORY_TABLE}, creating it
         * with the same columns; nothing happens on a database made by this scheme or on an empty one.
         */
        private static void adoptOldHistory(DataSource dataSource, String schema, String serviceTable) {
            String service = quote(schema) + "." + quote(serviceTable);
            String common = quote(schema) + "." + quote(HISTORY_TABLE);
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_xact_lock(" + ADOPTION_LOCK + ")");
                    if (exists(connection, schema, serviceTable) && count(connection, service) > 0) {
                        if (!exists(connection, schema, HISTORY_TABLE)) {
                            statement.execute("CREATE TABLE " + common + " (LIKE " + service + " INCLUDING ALL)");
                        }
                        statement.execute("INSERT INTO " + common + " SELECT"
                                + " (SELECT coalesce(max(installed_rank), 0) FROM " + common + ")"
                                + " + row_number() OVER (ORDER BY installed_rank),"
                                + " version, description, type, script, checksum, installed_by, installed_on,"
                                + " execution_time, success FROM " + service + " s"
                                + " WHERE s.version ~ '" + COMMON_VERSIONS + "' AND NOT EXISTS"
                                + " (SELECT 1 FROM " + common + " c WHERE c.version = s.version)");
                        statement.execute("DELETE FROM " + service + " WHERE version ~ '" + COMMON_VERSIONS + "'");
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new FlywayException("cannot move revcycle-common's migrations to " + HISTORY_TABLE, e);
            }
        }

        private static boolean exists(Connection connection, String schema, String table) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
                query.setString(1, schema);
                query.setString(2, table);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next();
                }
            }
        }

        private static long count(Connection connection, String serviceHistory) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + serviceHistory
                            + " WHERE version ~ '" + COMMON_VERSIONS + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static String quote(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }
    }
}
