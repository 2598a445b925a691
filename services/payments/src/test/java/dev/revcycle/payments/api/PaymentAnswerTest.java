package dev.revcycle.payments.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.common.idempotency.IdempotencyKeys;
import dev.revcycle.payments.support.Topics2;
import dev.revcycle.testing.PoolWarnings;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /payments answers from what it wrote (no read-back) and takes its Idempotency-Key in the posting's own
 * transaction: the answer is what a later read gives, a retry gets it byte for byte, a request whose key is held by
 * one still running is a 409 with nothing posted, and a refused request leaves its key free; the pool warns of no
 * connection left open at a commit.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PaymentAnswerTest {
    @Inject
    AgroalDataSource db;

    @Test
    void theAnswerIsWhatAReadGivesAndARetryGetsItByteForByte() {
        // the charge's consumer transaction and the payment's write their events just before they commit: on the
        // transaction's connection, closed before the commit (the pool warned once per transaction when not)
        try (PoolWarnings warnings = PoolWarnings.watch()) {
            answerAndRetry();
            assertThat(warnings.messages()).isEmpty();
        }
    }

    private void answerAndRetry() {
        String practice = practice();
        UUID patient = UUID.randomUUID();
        Topics2.registered(patient, practice);
        UUID account = Topics2.accountOf(patient, practice);
        UUID claim = LedgerTest.charged(practice, patient, "40.00");
        LedgerTest.awaitBalance(practice, account, "40.00");
        Map<String, Object> body = LedgerTest.payment(practice, account, "55.00", "r-" + UUID.randomUUID());
        // nanoseconds: the database keeps microseconds, and so must the answer
        body.put("receivedAt", "2026-10-06T10:00:00.123456789Z");
        body.put("allocations", List.of(Map.of("claimId", claim.toString(), "amount", 10.00)));
        String key = UUID.randomUUID().toString();
        Response first = as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments");
        first.then().statusCode(201).body("applied", equalTo(40.0f)).body("credited", equalTo(15.0f))
                .body("recovered", equalTo(0.0f)).body("status", equalTo("POSTED"))
                .body("receivedAt", equalTo("2026-10-06T10:00:00.123456Z"))
                .body("entries.size()", equalTo(3)).body("entries[0].claimId", equalTo(claim.toString()))
                .body("entries[0].amount", equalTo(10.0f)).body("entries[1].amount", equalTo(30.0f))
                .body("entries[2].claimId", equalTo(null)).body("entries[2].amount", equalTo(15.0f));
        String id = first.jsonPath().getString("id");
        assertThat(first.header("Location")).endsWith("/payments/" + id);
        Map<String, Object> read = as("poster", practice).get("/payments/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(first.jsonPath().getMap("")).isEqualTo(read);

        Response retry = as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments");
        retry.then().statusCode(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(LedgerTest.account(practice, account).get("creditBalance").toString()).isEqualTo("15.0");
        LedgerTest.verified(practice, account);
    }

    @Test
    void aRequestWhoseKeyARunningRequestHoldsIsA409AndPostsNothing() throws Exception {
        String practice = practice();
        UUID account = LedgerTest.account(practice);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = LedgerTest.payment(practice, account, "12.00", "r-" + UUID.randomUUID());
        // a request with this key is running: its transaction holds the key's lock
        try (Connection running = db.getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement s = running.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                s.setLong(1, IdempotencyKeys.lockKey("POST /payments|test-poster", key));
                s.execute();
            }
            as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments").then().statusCode(409)
                    .body("type", equalTo("https://revcycle.dev/problems/idempotency-request-in-progress"));
            // another key is not held
            as("poster", practice).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(LedgerTest.payment(practice, account, "1.00", "r-" + UUID.randomUUID())).post("/payments")
                    .then().statusCode(201);
            running.rollback();
        }
        assertThat(LedgerTest.account(practice, account).get("creditBalance").toString()).isEqualTo("1.0");
        // it ended without an answer (rolled back): the key is free, the request runs once
        as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments").then().statusCode(201);
        as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertThat(LedgerTest.account(practice, account).get("creditBalance").toString()).isEqualTo("13.0");
        LedgerTest.verified(practice, account);
    }

    @Test
    void aRefusedRequestWritesNothingAndLeavesItsKeyFree() throws Exception {
        String practice = practice();
        UUID account = LedgerTest.account(practice);
        String key = UUID.randomUUID().toString();
        String reference = "r-" + UUID.randomUUID();
        Map<String, Object> body = LedgerTest.payment(practice, account, "20.00", reference);
        body.put("allocations", List.of(Map.of("claimId", UUID.randomUUID().toString(), "amount", 5.00)));
        as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments").then().statusCode(400)
                .body("errors[0].field", equalTo("allocations[0].claimId"));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT (SELECT count(*) FROM payment WHERE reference = ?) + (SELECT count(*) FROM idempotency_record "
                        + "WHERE idempotency_key = ?)")) {
            s.setString(1, reference);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        body.remove("allocations");
        as("poster", practice).header("Idempotency-Key", key).body(body).post("/payments").then().statusCode(201)
                .body("credited", equalTo(20.0f));
        LedgerTest.verified(practice, account);
    }
}
