package dev.revcycle.collections.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static dev.revcycle.testing.ServiceRequests.practice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.RevcycleTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every read that hands out an account's data tied to its patient leaves a row in the PHI audit: who, which
 * account, which practice. Another practice's record answers 404, is recorded as a denied attempt only (never as
 * a read of the account), and an unknown one leaves nothing.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class PhiAuditTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final LocalDate TODAY = LocalDate.now();

    @Inject
    AgroalDataSource db;

    @Test
    void anAccountsStatusHoldsNotesAndPlanAreAuditedAsReadsByWhoReadThem() {
        Seed seed = new Seed(db);
        String practice = practice();
        UUID account = seed.account(practice, "120.00", TODAY.minusDays(60), "Ana", "Audit");
        seed.hold(account, practice, "DISPUTE");
        UUID hold = UUID.fromString(text("SELECT id::text FROM collection_hold WHERE account_id = ?", account));
        UUID planned = seed.account(practice, "100.00", TODAY.minusDays(60), "Pat", "Plan");
        String plan = as("collector", practice).body("{\"accountId\":\"" + planned + "\",\"totalAmount\":100.00,"
                + "\"installmentAmount\":50.00,\"frequency\":\"MONTHLY\",\"firstDueDate\":\"" + TODAY.plusDays(10) + "\"}")
                .post("/payment-plans").then().statusCode(201).extract().path("id");
        assertThat(rows(account)).isEmpty();

        as("collector", practice).get("/accounts/" + account + "/collection-status").then().statusCode(200);
        as("biller", practice).get("/accounts/" + account + "/notes").then().statusCode(200);
        as("auditor", practice).get("/accounts/" + account + "/holds").then().statusCode(200);
        as("admin", practice).get("/accounts/" + account + "/holds/" + hold).then().statusCode(200);
        as("biller", practice).get("/payment-plans/" + plan).then().statusCode(200);

        assertThat(rows(account)).containsExactly(
                "READ SUCCESS account test-collector " + practice,
                "READ SUCCESS account test-biller " + practice,
                "READ SUCCESS account test-auditor " + practice,
                "READ SUCCESS account test-admin " + practice);
        assertThat(rows(planned)).containsExactly("READ SUCCESS account test-biller " + practice);

        // another practice's caller: 404, a denied attempt, and no read of the account
        String outsider = practice();
        as("collector", outsider).get("/accounts/" + account + "/collection-status").then().statusCode(404);
        as("biller", outsider).get("/accounts/" + account + "/notes").then().statusCode(404);
        as("biller", outsider).get("/payment-plans/" + plan).then().statusCode(404);
        assertThat(rows(account)).hasSize(6).filteredOn(r -> r.contains("SUCCESS")).hasSize(4)
                .noneMatch(r -> r.contains("SUCCESS") && r.contains(outsider));
        assertThat(rows(account)).contains("READ DENIED account test-collector " + practice,
                "READ DENIED account test-biller " + practice);
        assertThat(rows(UUID.fromString(plan))).containsExactly("READ DENIED payment-plan test-biller " + practice);
        assertThat(rows(planned)).hasSize(1);

        // an account that does not exist: 404 and nothing written
        UUID unknown = UUID.randomUUID();
        as("collector", practice).get("/accounts/" + unknown + "/collection-status").then().statusCode(404);
        assertThat(rows(unknown)).isEmpty();
    }

    @Test
    void statementsAndTheRunsFileAreAuditedUnderEachAccountTheyShow() {
        Seed seed = new Seed(db);
        String practice = practice();
        UUID first = seed.account(practice, "120.00", DAY.minusDays(60), "Ana", "First");
        UUID second = seed.account(practice, "80.00", DAY.minusDays(60), "Ben", "Second");
        UUID notStated = seed.account(practice, "300.00", DAY.minusDays(60), "Hal", "Held");
        seed.hold(notStated, practice, "DISPUTE");
        String run = StatementRunTest.run(practice, DAY, 201).getString("id");
        assertThat(rows(first)).isEmpty();
        UUID statement = UUID.fromString(text("SELECT id::text FROM statement WHERE account_id = ?", first));

        as("auditor", practice).get("/statements/" + statement).then().statusCode(200);
        as("collector", practice).get("/statements/" + statement + "/pdf").then().statusCode(200);
        assertThat(rows(first)).containsExactly("READ SUCCESS account test-auditor " + practice,
                "READ SUCCESS account test-collector " + practice);

        byte[] pdf = as("biller", practice).get("/statement-runs/" + run + "/pdf").then().statusCode(200).extract().asByteArray();
        assertThat(pdf).isNotEmpty();
        assertThat(rows(first)).hasSize(3).last().isEqualTo("READ SUCCESS account test-biller " + practice);
        assertThat(rows(second)).containsExactly("READ SUCCESS account test-biller " + practice);
        assertThat(rows(notStated)).isEmpty();

        String outsider = practice();
        as("auditor", outsider).get("/statements/" + statement).then().statusCode(404);
        as("auditor", outsider).get("/statements/" + statement + "/pdf").then().statusCode(404);
        as("auditor", outsider).get("/statement-runs/" + run + "/pdf").then().statusCode(404);
        assertThat(rows(first)).hasSize(3);
        assertThat(rows(second)).hasSize(1);
        assertThat(rows(statement)).containsExactly("READ DENIED statement test-auditor " + practice,
                "READ DENIED statement test-auditor " + practice);
        assertThat(rows(UUID.fromString(run))).containsExactly("READ DENIED statement-run test-auditor " + practice);
        UUID unknown = UUID.randomUUID();
        as("auditor", practice).get("/statements/" + unknown).then().statusCode(404);
        assertThat(rows(unknown)).isEmpty();
    }

    @Test
    void thePlacementFileAppointmentAlertsAndWorkQueuePagesAuditEveryAccountTheyHandOut() {
        Seed seed = new Seed(db);
        String practice = practice();
        PlacementKpiWorkQueueTest.policyWithAgency(practice);
        UUID placed = seed.account(practice, "500.00", DAY.minusDays(200), "Eli", "Gible");
        PlacementKpiWorkQueueTest.dunning(seed, placed, practice, "FINAL_NOTICE", DAY.minusDays(120));
        UUID kept = seed.account(practice, "500.00", DAY.minusDays(200), "Too", "Recent");
        PlacementKpiWorkQueueTest.dunning(seed, kept, practice, "FINAL_NOTICE", DAY.minusDays(119));
        String batch = as("collector", practice).body("{\"practiceId\":\"" + practice + "\",\"asOf\":\"" + DAY + "\"}")
                .post("/agency-placements").then().statusCode(201).extract().path("id");
        as("collector", practice).get("/agency-placements/" + batch).then().statusCode(200);
        assertThat(rows(placed)).isEmpty();
        as("collector", practice).get("/agency-placements/" + batch + "/file").then().statusCode(200);
        assertThat(rows(placed)).containsExactly("READ SUCCESS account test-collector " + practice);
        assertThat(rows(kept)).isEmpty();
        as("collector", practice()).get("/agency-placements/" + batch + "/file").then().statusCode(404);
        assertThat(rows(placed)).hasSize(1);

        // the front desk: the account with something to say is audited, the patient with nothing to say is not
        UUID pastDue = seed.account(practice, "75.00", TODAY.minusDays(60), "Dee", "Due");
        UUID quiet = seed.account(practice, "0.00", TODAY.minusDays(60), "Qui", "Et");
        as("registrar", practice).body("{\"practiceId\":\"" + practice + "\",\"appointments\":[{\"patientId\":\""
                + patientOf(pastDue) + "\",\"date\":\"" + TODAY + "\"},{\"patientId\":\"" + patientOf(quiet) + "\",\"date\":\""
                + TODAY + "\"}]}").post("/appointment-alerts").then().statusCode(200);
        assertThat(rows(pastDue)).containsExactly("SEARCH SUCCESS account test-registrar " + practice);
        assertThat(rows(quiet)).isEmpty();

        // a work-queue page: each account on it, once per page read
        as("collector", practice).get("/work-queue?practiceId=" + practice + "&asOf=" + DAY).then().statusCode(200);
        assertThat(rows(kept)).containsExactly("SEARCH SUCCESS account test-collector " + practice);
        as("biller", practice).get("/work-queue?practiceId=" + practice + "&asOf=" + DAY + "&page=1").then().statusCode(200);
        assertThat(rows(kept)).hasSize(1);
        as("biller", practice()).get("/work-queue?practiceId=" + practice + "&asOf=" + DAY).then().statusCode(404);
        assertThat(rows(kept)).hasSize(1);
    }

    private String patientOf(UUID account) {
        return text("SELECT patient_id::text FROM account WHERE id = ?", account);
    }

    private String text(String sql, UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit's rows for the record, oldest first: "action outcome resource_type actor practice". */
    private List<String> rows(UUID resourceId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT action, outcome, resource_type, actor, practice_id FROM phi_audit_event WHERE resource_id = ? ORDER BY id""")) {
            s.setObject(1, resourceId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return Collections.unmodifiableList(out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
