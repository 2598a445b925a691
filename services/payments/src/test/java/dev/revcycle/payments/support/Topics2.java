package dev.revcycle.payments.support;

import dev.revcycle.testing.TopicWriter;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ClaimChanged;
import dev.revcycle.contracts.claims.ClaimCreated;
import dev.revcycle.contracts.claims.ClaimLineCharge;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.payments.WriteOffRequested;
import dev.revcycle.contracts.payments.WriteOffReversalRequested;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes what patients, claims and collections would; waits until the consumer reads before the first event. */
public final class Topics2 {
    private static boolean assigned;

    private Topics2() {
    }

    public static void registered(UUID patientId, String practiceId) {
        send(Topics.PATIENTS, patientId.toString(), event(EventTypes.PATIENT_REGISTERED, patientId,
                new PatientRegistered(patientId, practiceId, demographics(), 1)));
    }

    public static void merged(UUID survivor, UUID duplicate, String practiceId) {
        send(Topics.PATIENTS, survivor.toString(), event(EventTypes.PATIENT_MERGED, survivor,
                new PatientMerged(survivor, duplicate, practiceId, 2, 2)));
    }

    public static ClaimLineCharge line(int n, String amount, LocalDate day) {
        return new ClaimLineCharge(UUID.randomUUID(), n, "99213", null, BigDecimal.ONE, new BigDecimal(amount), day, null);
    }

    public static void claimCreated(UUID claimId, String practiceId, UUID patientId, UUID coverageId, List<ClaimLineCharge> lines,
                                    UUID primaryClaimId) {
        BigDecimal total = lines.stream().map(ClaimLineCharge::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        send(Topics.CLAIMS, claimId.toString(), event(EventTypes.CLAIM_CREATED, claimId, new ClaimCreated(claimId, practiceId,
                patientId, coverageId, coverageId == null ? null : UUID.randomUUID(), "PROFESSIONAL",
                "PCN" + claimId.toString().substring(0, 8), total, lines, primaryClaimId, null, 1)));
    }

    public static void claimChanged(UUID claimId, String practiceId, UUID patientId, UUID coverageId,
                                    List<ClaimLineCharge> lines, long version) {
        BigDecimal total = lines.stream().map(ClaimLineCharge::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        send(Topics.CLAIMS, claimId.toString(), event(EventTypes.CLAIM_CHANGED, claimId, new ClaimChanged(claimId, practiceId,
                patientId, coverageId, null, "PCN" + claimId.toString().substring(0, 8), total, lines, null, null, version)));
    }

    public static void writeOff(UUID requestId, UUID accountId, String practiceId, String amount, String kind) {
        send(Topics.COLLECTIONS, accountId.toString(), event(EventTypes.WRITE_OFF_REQUESTED, accountId,
                new WriteOffRequested(requestId, accountId, practiceId, new BigDecimal(amount), kind, "test", Instant.now(), 1)));
    }

    public static void writeOffReversal(UUID requestId, UUID writeOffRequestId, UUID accountId) {
        send(Topics.COLLECTIONS, accountId.toString(), event(EventTypes.WRITE_OFF_REVERSAL_REQUESTED, accountId,
                new WriteOffReversalRequested(requestId, writeOffRequestId, accountId, "recall", 1)));
    }

    public static String event(String type, UUID subject, Object data) {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), "revcycle/test", type, Instant.now(),
                subject.toString(), data));
    }

    private static PatientDemographics demographics() {
        return new PatientDemographics("M100000001", "Ana", "Lopez", LocalDate.of(1984, 3, 9), "F",
                new Address("12 Main St", null, "Springfield", "IL", "62704"), false, null, null, null);
    }

    public static synchronized void send(String topic, String key, String value) {
        awaitConsumer();
        publish(topic, key, value);
    }

    /** The account of a patient at a practice, once the consumer has opened it (waits up to 30 s). */
    public static UUID accountOf(UUID patientId, String practiceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            UUID id = query("SELECT id FROM account WHERE patient_id = ? AND practice_id = ?", patientId, practiceId);
            if (id != null) {
                return id;
            }
            TopicWriter.pause();
        }
        throw new AssertionError("no account opened for the patient within 30 s");
    }

    private static UUID query(String sql, UUID patientId, String practiceId) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, patientId);
            s.setString(2, practiceId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitConsumer() {
        if (!assigned) {
            TopicWriter.awaitConsumer("the payments consumer",
                    sentinel -> publish(Topics.PATIENTS, sentinel.toString(), event(EventTypes.PATIENT_REGISTERED, sentinel,
                            new PatientRegistered(sentinel, "sentinel", demographics(), 1))),
                    sentinel -> query("SELECT id FROM account WHERE patient_id = ? AND practice_id = ?", sentinel,
                            "sentinel") != null);
            assigned = true;
        }
    }


    /** Before asserting that events sent on other partitions than a marker changed nothing: time to consume them. */
    public static void settle() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pause between two looks at what the service has applied. */
    public static void sleep() {
        TopicWriter.pause();
    }

    private static void publish(String topic, String key, String value) {
        TopicWriter.publish(topic, key, value);
    }

}
