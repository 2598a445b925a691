package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nothing stored lets anyone without the keys confirm a guessed SSN: in particular no plain digest
 * of a request that carried one (the idempotency record's fingerprint is a keyed HMAC).
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PhiAtRestTest {
    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Test
    void thePlainDigestOfARegistrationIsNowhereInTheDatabase() throws Exception {
        String practice = practice();
        Map<String, Object> body = patient(practice);
        String key = UUID.randomUUID().toString();
        as("registrar", practice).header("Idempotency-Key", key).body(body).post("/patients").then().statusCode(201);

        // What an attacker with the table would compute for a guessed SSN: the SHA-256 of the
        // request's canonical JSON (the request and its allowDuplicate flag, keys in order, ISO dates).
        ObjectMapper canonical = new ObjectMapper().findAndRegisterModules()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        PatientRequest request = json.convertValue(body, PatientRequest.class);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(
                canonical.convertValue(Map.of("request", request, "allowDuplicate", false), Object.class)));
        String hex = HexFormat.of().formatHex(digest);
        String base64 = Base64.getEncoder().encodeToString(digest);

        try (Connection c = db.getConnection()) {
            // the registration's idempotency record exists, with a fingerprint that is not the digest
            try (PreparedStatement s = c.prepareStatement("SELECT request_hash FROM idempotency_record WHERE idempotency_key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith("hmac-sha256:").doesNotContain(hex);
                }
            }
            assertThat(rowsContaining(c, hex)).isEmpty();
            assertThat(rowsContaining(c, hex.toUpperCase())).isEmpty();
            assertThat(rowsContaining(c, base64)).isEmpty();
            // the search itself finds what is there
            assertThat(rowsContaining(c, key)).anyMatch(table -> table.endsWith(".idempotency_record"));
        }
    }

    /** The tables (schema.name) of this database where any column of any row, as text, contains {@code value}. */
    private static List<String> rowsContaining(Connection c, String value) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_schema, table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        assertThat(tables).anyMatch(t -> t.endsWith(".patient")).anyMatch(t -> t.endsWith(".idempotency_record"));
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            String[] parts = table.split("\\.");
            // the whole row as text covers every column, text or not (bytea shows as hex)
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM \"" + parts[0] + "\".\"" + parts[1]
                    + "\" t WHERE strpos(t::text, ?) > 0")) {
                s.setString(1, value);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(table);
                    }
                }
            }
        }
        return found;
    }
}
