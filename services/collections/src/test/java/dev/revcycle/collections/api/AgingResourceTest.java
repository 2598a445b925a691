package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.collections.support.Feeds;
import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class AgingResourceTest {
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    AgroalDataSource db;

    @Test
    void balancesFallInBucketsByTheOldestOpenDateOfService() throws Exception {
        String p = practice();
        Feeds.account(p, "10.00", "100.00", TODAY.minusDays(30));     // 0-30
        Feeds.account(p, "20.00", "0.00", TODAY.minusDays(31));       // 31-60
        Feeds.account(p, "0.00", "300.00", TODAY.minusDays(75));      // 61-90
        Feeds.account(p, "40.00", "0.00", TODAY.minusDays(120));      // 91-120
        Feeds.account(p, "50.00", "500.00", TODAY.minusDays(400));    // 120+
        Feeds.account(p, "7.00", "0.00", null);                       // open, undated
        Feeds.account(p, "0.00", "0.00", null);                       // nothing owed: in no figure
        UUID moving = Feeds.account(p, "60.00", "0.00", TODAY.minusDays(5));
        // the account pays off its oldest claim: it moves from its old date to the newer one
        Feeds.balanceApplied(moving, UUID.randomUUID(), p, "25.00", "0.00", TODAY.minusDays(2), 2);

        JsonPath aging = as("collector", p).get("/aging?practiceId=" + p).then().statusCode(200)
                .body("asOf", equalTo(TODAY.toString())).body("agedBy", equalTo("oldest open date of service"))
                .extract().jsonPath();
        assertThat(aging.getList("buckets.bucket")).containsExactly("0-30", "31-60", "61-90", "91-120", "120+");
        assertThat(aging.getString("buckets[0].patientBalance")).isEqualTo("35.0");
        assertThat(aging.getString("buckets[0].insuranceBalance")).isEqualTo("100.0");
        assertThat(aging.getInt("buckets[0].accounts")).isEqualTo(2);
        assertThat(aging.getString("buckets[1].patientBalance")).isEqualTo("20.0");
        assertThat(aging.getInt("buckets[2].insuranceAccounts")).isEqualTo(1);
        assertThat(aging.getInt("buckets[2].patientAccounts")).isEqualTo(0);
        assertThat(aging.getString("buckets[3].total")).isEqualTo("40.0");
        assertThat(aging.getString("buckets[4].total")).isEqualTo("550.0");
        assertThat(aging.getString("undated.patientBalance")).isEqualTo("7.0");
        assertThat(aging.getInt("totals.accounts")).isEqualTo(7);
        assertThat(aging.getString("totals.patientBalance")).isEqualTo("152.0");
        assertThat(aging.getString("totals.insuranceBalance")).isEqualTo("900.0");

        // a future asOf: what today's balances will be by then
        JsonPath later = as("biller", p).get("/aging?practiceId=" + p + "&asOf=" + TODAY.plusDays(60)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(later.getInt("buckets[0].accounts")).isEqualTo(0);
        // 30 days old today is 90 then (61-90), 31 is 91 (91-120), the moved account's 2 is 62 (61-90)
        assertThat(later.getInt("buckets[2].accounts")).isEqualTo(2);
        assertThat(later.getInt("buckets[3].accounts")).isEqualTo(1);
        assertThat(later.getInt("buckets[4].accounts")).isEqualTo(3);
        assertThat(later.getInt("totals.accounts")).isEqualTo(7);
        // a past asOf before some services counts those as current
        assertThat(as("auditor", p).get("/aging?practiceId=" + p + "&asOf=" + TODAY.minusDays(100)).then().statusCode(200)
                .extract().jsonPath().getInt("buckets[0].accounts")).isEqualTo(5);

        // aging_day equals the aggregate over the accounts themselves
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT coalesce(sum(patient_balance), 0) FROM aging_day WHERE practice_id = ?)
                     = (SELECT coalesce(sum(patient_balance), 0) FROM account WHERE practice_id = ? AND patient_balance > 0),
                       (SELECT coalesce(sum(accounts), 0) FROM aging_day WHERE practice_id = ?)
                     = (SELECT count(*) FROM account WHERE practice_id = ? AND (patient_balance > 0 OR insurance_balance > 0))""")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, p);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getBoolean(2)).isTrue();
            }
        }
    }

    @Test
    void anEmptyPracticeBadInputAndRoles() {
        String p = practice();
        as("collector", p).get("/aging?practiceId=" + p).then().statusCode(200).body("totals.accounts", equalTo(0))
                .body("totals.total", equalTo(0.0f)).body("buckets[4].toDays", equalTo(null));
        as("collector", p).get("/aging").then().statusCode(400).body("errors[0].field", equalTo("practiceId"));
        as("collector", p).get("/aging?practiceId=" + p + "&asOf=2026-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as("collector", p).get("/aging?practiceId=NOT%20A%20CODE").then().statusCode(400);
        as("collector", "other").get("/aging?practiceId=" + p).then().statusCode(404);
        as("registrar", p).get("/aging?practiceId=" + p).then().statusCode(403);
    }
}
