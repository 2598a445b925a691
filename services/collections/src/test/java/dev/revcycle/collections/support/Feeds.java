package dev.revcycle.collections.support;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientAddressCorrected;
import dev.revcycle.contracts.patients.PatientAddressUndeliverable;
import dev.revcycle.contracts.patients.PatientDeceased;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.payments.AccountBalanceChanged;
import dev.revcycle.contracts.payments.AdjustmentPosted;
import dev.revcycle.contracts.payments.ChargePosted;
import dev.revcycle.contracts.payments.PaymentPosted;
import dev.revcycle.contracts.payments.PaymentReversed;
import dev.revcycle.contracts.payments.RefundIssued;
import dev.revcycle.testing.TopicWriter;
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
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Publishes what payments and patients would, on their real topics, and waits until collections' consumer has
 * applied it. The first publish waits for the consumer to be reading (a sentinel account).
 */
public final class Feeds {
    private static boolean assigned;

    private Feeds() {
    }

    /** An account with its balances at payments' version; returns the event's id (to redeliver it). */
    public static String balance(UUID accountId, UUID patientId, String practice, String patient, String insurance,
                                 LocalDate oldest, long version) {
        BigDecimal p = new BigDecimal(patient);
        BigDecimal i = new BigDecimal(insurance);
        return send(Topics.PAYMENTS, accountId, EventTypes.ACCOUNT_BALANCE_CHANGED, new AccountBalanceChanged(accountId,
                patientId, practice, p.add(i), i, p, BigDecimal.ZERO.setScale(2), oldest, version));
    }

    /** Publishes a balance and waits until the account reflects that version (or a newer one). */
    public static void balanceApplied(UUID accountId, UUID patientId, String practice, String patient, String insurance,
                                      LocalDate oldest, long version) {
        balance(accountId, patientId, practice, patient, insurance, oldest, version);
        await("account at version " + version, () -> longOf("SELECT balance_version FROM account WHERE id = ?", accountId) >= version);
    }

    /** A new account of a new patient at the practice, with these balances (version 1). */
    public static UUID account(String practice, String patient, String insurance, LocalDate oldest) {
        UUID account = UUID.randomUUID();
        balanceApplied(account, UUID.randomUUID(), practice, patient, insurance, oldest, 1);
        return account;
    }

    public static String charge(UUID entryId, UUID accountId, String practice, UUID claimLineId, String amount,
                                String responsibility, LocalDate serviceDate, long version) {
        return send(Topics.PAYMENTS, accountId, EventTypes.CHARGE_POSTED, new ChargePosted(entryId, accountId, null, practice,
                UUID.randomUUID(), claimLineId, new BigDecimal(amount), responsibility, serviceDate, Instant.now(), version));
    }

    public static String payment(UUID entryId, UUID paymentId, UUID accountId, String practice, UUID claimLineId,
                                 String amount, String responsibility, LocalDate effective, long version) {
        return send(Topics.PAYMENTS, accountId, EventTypes.PAYMENT_POSTED, new PaymentPosted(entryId, paymentId, accountId,
                null, practice, new BigDecimal(amount), responsibility, "CARD", null, null, claimLineId, "PARTNER_PAYMENT",
                "ref", effective, Instant.now(), version));
    }

    public static String adjustment(UUID entryId, UUID accountId, String practice, UUID claimLineId, String kind,
                                    String entryType, String amount, String responsibility, UUID reversalOf,
                                    LocalDate effective, long version) {
        return send(Topics.PAYMENTS, accountId, EventTypes.ADJUSTMENT_POSTED, new AdjustmentPosted(entryId, accountId, null,
                practice, kind, entryType, new BigDecimal(amount), responsibility, null, claimLineId,
                "CONTRACTUAL".equals(kind) ? "CO" : null,
                // payments' reason code of a write-off collections asked for is its kind (SMALL_BALANCE, BAD_DEBT)
                "CONTRACTUAL".equals(kind) ? "45" : "WRITE_OFF".equals(kind) ? "SMALL_BALANCE" : null, null,
                "WRITE_OFF".equals(kind) ? "COLLECTIONS_REQUEST" : "REMITTANCE",
                null, reversalOf, effective, Instant.now(), version));
    }

    public static String paymentReversed(UUID paymentId, UUID accountId, String practice, String amount, LocalDate effective,
                                         long version) {
        return send(Topics.PAYMENTS, accountId, EventTypes.PAYMENT_REVERSED, new PaymentReversed(paymentId, accountId, null,
                practice, new BigDecimal(amount), "PATIENT", "returned check", effective, Instant.now(), version));
    }

    public static String refund(UUID entryId, UUID accountId, String practice, String amount, LocalDate effective, long version) {
        return send(Topics.PAYMENTS, accountId, EventTypes.REFUND_ISSUED, new RefundIssued(UUID.randomUUID(), entryId,
                accountId, null, practice, new BigDecimal(amount), "PATIENT", "PATIENT", "overpaid", effective, Instant.now(),
                version));
    }

    public static void registered(UUID patientId, String practice, boolean undeliverable) {
        send(Topics.PATIENTS, patientId, EventTypes.PATIENT_REGISTERED, new PatientRegistered(patientId, practice,
                demographics(undeliverable), 1));
        await("the patient", () -> longOf("SELECT version FROM patient WHERE id = ?", patientId) >= 1);
    }

    public static String deceased(UUID patientId, String practice, LocalDate day, long version) {
        return send(Topics.PATIENTS, patientId, EventTypes.PATIENT_DECEASED, new PatientDeceased(patientId, practice, day, version));
    }

    public static String undeliverable(UUID patientId, String practice, long version) {
        return send(Topics.PATIENTS, patientId, EventTypes.PATIENT_ADDRESS_UNDELIVERABLE,
                new PatientAddressUndeliverable(patientId, practice, LocalDate.now(), version));
    }

    public static String corrected(UUID patientId, String practice, long version) {
        return send(Topics.PATIENTS, patientId, EventTypes.PATIENT_ADDRESS_CORRECTED, new PatientAddressCorrected(patientId,
                practice, new Address("40 Oak Ave", null, "Springfield", "IL", "62704"), version));
    }

    public static String merged(UUID survivor, UUID duplicate, String practice, long version, long duplicateVersion) {
        return send(Topics.PATIENTS, survivor, EventTypes.PATIENT_MERGED, new PatientMerged(survivor, duplicate, practice,
                version, duplicateVersion));
    }

    /** Publishes the same event (same id) again, as a redelivery would. */
    public static void redeliver(String topic, String key, String raw) {
        TopicWriter.publish(topic, key, raw);
    }

    static PatientDemographics demographics(boolean undeliverable) {
        return new PatientDemographics("M100000001", "Ana", "Lopez", LocalDate.of(1984, 3, 9), "F",
                new Address("12 Main St", null, "Springfield", "IL", "62704"), undeliverable, null, null, null);
    }

    /** The raw CloudEvent, as published (to redeliver). */
    private static String lastRaw;

    public static String lastRaw() {
        return lastRaw;
    }

    private static synchronized String send(String topic, UUID key, String type, Object data) {
        awaitConsumer();
        String id = UUID.randomUUID().toString();
        lastRaw = EventJson.write(CloudEvent.of(id, "revcycle/test", type, Instant.now(), key.toString(), data));
        TopicWriter.publish(topic, key.toString(), lastRaw);
        return id;
    }

    private static void awaitConsumer() {
        if (!assigned) {
            TopicWriter.awaitConsumer("the collections consumer",
                    sentinel -> TopicWriter.publish(Topics.PAYMENTS, sentinel.toString(), EventJson.write(CloudEvent.of(
                            UUID.randomUUID().toString(), "revcycle/test", EventTypes.ACCOUNT_BALANCE_CHANGED, Instant.now(),
                            sentinel.toString(), new AccountBalanceChanged(sentinel, UUID.randomUUID(), "sentinel",
                                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                                    BigDecimal.ZERO.setScale(2), null, 1)))),
                    sentinel -> longOf("SELECT balance_version FROM account WHERE id = ?", sentinel) >= 1);
            assigned = true;
        }
    }

    /** Waits up to 30 s for the condition. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not applied within 30 s: " + what);
            }
            TopicWriter.pause();
        }
    }

    /** A number the query answers for the id (-1 for no row). */
    public static long longOf(String sql, UUID id) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text the query answers for the id (null for no row). */
    public static String textOf(String sql, UUID id) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the inbox has recorded the event id (applied, stale or duplicate: it was consumed). */
    public static void consumed(String eventId) {
        await("event " + eventId, () -> textOf("SELECT outcome FROM inbox_event WHERE event_id = ?::text",
                UUID.fromString(eventId)) != null);
    }
}
