package dev.revcycle.payments.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a timed test: the README's lockbox figure. Seeds {@code -Dlines} accounts (default 5,000) with a patient balance
 * on one claim each, then posts {@code -Druns} files (default 3) of one item per account (each applied to the claim),
 * and once more the last file (every line a duplicate). Run under the machine's lock:
 * {@code flock /tmp/revcycle-it.lock ./mvnw -o -pl services/payments verify -Dtest=PaymentBatchBench -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PaymentBatchBench {
    @Inject
    AgroalDataSource db;

    @Test
    void aFileOfFiveThousandLines() throws Exception {
        int lines = Integer.getInteger("lines", 5_000);
        int runs = Integer.getInteger("runs", 3);
        String practice = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> accounts = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO account (id, patient_id, practice_id, version, patient_version, opened_at, patient_sum,
                        oldest_open_service_date)
                    SELECT gen_random_uuid(), gen_random_uuid(), '%s', 1, 1, now(), 1000, DATE '2026-10-01'
                    FROM generate_series(1, %d)""".formatted(practice, lines));
            st.execute("""
                    INSERT INTO claim (id, account_id, practice_id, patient_id, patient_control_number, made_from_another,
                        first_service_date, version)
                    SELECT gen_random_uuid(), a.id, a.practice_id, a.patient_id, 'PCN' || substr(a.id::text, 1, 12), false,
                        DATE '2026-10-01', 1 FROM account a WHERE a.practice_id = '%s'""".formatted(practice));
            st.execute("""
                    INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta,
                        patient_delta, claim_id, source, effective_date, posted_at, actor)
                    SELECT gen_random_uuid(), k.account_id, k.practice_id, 'CHARGE', 1000, 'PATIENT', 0, 1000, k.id, 'CLAIM',
                        DATE '2026-10-01', now(), 'bench' FROM claim k WHERE k.practice_id = '%s'""".formatted(practice));
            st.execute("ANALYZE account");
            st.execute("ANALYZE claim");
            st.execute("ANALYZE ledger_entry");
            try (ResultSet rs = st.executeQuery("SELECT id FROM account WHERE practice_id = '" + practice + "' ORDER BY id")) {
                while (rs.next()) {
                    accounts.add(rs.getObject(1, UUID.class));
                }
            }
        }
        String token = TestTokens.token("poster", practice);
        String file = null;
        for (int run = 1; run <= runs + 1; run++) {
            if (run <= runs) {
                StringBuilder csv = new StringBuilder("lockbox,deposit_date,batch_id,item_id,account_id,amount,check_number,payer_name\n");
                for (int i = 0; i < lines; i++) {
                    csv.append("4471,2026-11-30,R").append(run).append('-').append(i / 200).append(',').append(i).append(',')
                            .append(accounts.get(i)).append(",12.34,").append(10000 + i).append(",Payer ").append(i).append('\n');
                }
                file = csv.toString();
            }
            long start = System.nanoTime();
            JsonPath answer = given().auth().oauth2(token).contentType("text/csv").body(file).post("/payment-batches")
                    .then().statusCode(201).extract().jsonPath();
            long ms = (System.nanoTime() - start) / 1_000_000;
            boolean again = run > runs;
            assertThat(answer.getInt(again ? "duplicates" : "posted")).isEqualTo(lines);
            System.out.printf("BENCH lockbox %s: %d lines (%d bytes) in %d ms (%.0f lines/s)%n",
                    again ? "same file again" : "run " + run, lines, file.length(), ms, lines * 1000.0 / ms);
        }
    }
}
