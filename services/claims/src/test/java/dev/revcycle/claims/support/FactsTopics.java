package dev.revcycle.claims.support;

import dev.revcycle.testing.TopicWriter;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageChanged;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.contracts.eligibility.CoverageTerminated;
import dev.revcycle.contracts.eligibility.EligibilityVerified;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDeceased;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientMerged;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.contracts.patients.PatientUpdated;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
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

/**
 * Publishes on the patients' and eligibility's topics what those services would, and waits until
 * claims' read model has learnt it. Before the first event, waits until a sentinel arrives (the
 * application reads from the end with a group of its own).
 */
public final class FactsTopics {
    private static boolean consumerAssigned;

    private FactsTopics() {
    }

    public static PatientDemographics demographics(String firstName, String lastName, LocalDate dateOfBirth) {
        return new PatientDemographics("MRN" + UUID.randomUUID().toString().substring(0, 8), firstName, lastName,
                dateOfBirth, "F", new Address("12 Main St", null, "Springfield", "IL", "627041234"), false, null, null,
                null);
    }

    public static String registered(UUID patientId, String practiceId, PatientDemographics d, long version) {
        return event("revcycle/patients", EventTypes.PATIENT_REGISTERED, patientId,
                new PatientRegistered(patientId, practiceId, d, version));
    }

    public static String updated(UUID patientId, String practiceId, PatientDemographics d, long version) {
        return event("revcycle/patients", EventTypes.PATIENT_UPDATED, patientId,
                new PatientUpdated(patientId, practiceId, List.of("lastName"), d, version));
    }

    public static String merged(UUID survivorId, UUID duplicateId, String practiceId, long v, long dv) {
        return event("revcycle/patients", EventTypes.PATIENT_MERGED, survivorId,
                new PatientMerged(survivorId, duplicateId, practiceId, v, dv));
    }

    public static String deceased(UUID patientId, String practiceId, LocalDate date, long version) {
        return event("revcycle/patients", EventTypes.PATIENT_DECEASED, patientId,
                new PatientDeceased(patientId, practiceId, date, version));
    }

    public static CoverageDetails coverage(UUID coverageId, UUID patientId, String practiceId, UUID payerId) {
        return new CoverageDetails(coverageId, patientId, practiceId,
                new CoveragePayer(payerId, "Sandbox Health", "COMMERCIAL", "SBX01", 365), "XJH123456701", "GRP-1",
                "Gold", "PRIMARY", "SELF", null, LocalDate.of(2026, 1, 1), null);
    }

    public static String coverageAdded(CoverageDetails c, long version) {
        return event("revcycle/eligibility", EventTypes.COVERAGE_ADDED, c.patientId(), new CoverageAdded(c, version));
    }

    /** A CoverageChanged of the coverage {@link #coverage(UUID, UUID, String, UUID)} describes, with the payer's filing days. */
    public static String coverageChanged(UUID coverageId, UUID patientId, String practiceId, UUID payerId,
                                         Integer timelyFilingDays, long version) {
        CoverageDetails was = coverage(coverageId, patientId, practiceId, payerId);
        CoverageDetails now = new CoverageDetails(coverageId, patientId, practiceId,
                new CoveragePayer(payerId, was.payer().name(), was.payer().payerType(), was.payer().x12PayerId(),
                        timelyFilingDays), was.memberId(), was.groupNumber(), was.planName(), was.priority(),
                was.subscriberRelationship(), was.subscriber(), was.effectiveDate(), was.terminationDate());
        return event("revcycle/eligibility", EventTypes.COVERAGE_CHANGED, patientId,
                new CoverageChanged(List.of("payer"), now, version));
    }

    public static String coverageTerminated(UUID coverageId, UUID patientId, String practiceId, LocalDate date,
                                            long version) {
        return event("revcycle/eligibility", EventTypes.COVERAGE_TERMINATED, patientId,
                new CoverageTerminated(coverageId, patientId, practiceId, date, version));
    }

    public static String verified(UUID checkId, UUID coverageId, UUID patientId, String practiceId, LocalDate date) {
        return event("revcycle/eligibility", EventTypes.ELIGIBILITY_VERIFIED, patientId,
                new EligibilityVerified(checkId, coverageId, patientId, practiceId, date, "ACTIVE",
                        LocalDate.of(2026, 1, 1), null, null, null, 1));
    }

    /** An EligibilityVerified with these benefits (estimates keep them), plan year 2026. */
    public static String verified(UUID checkId, UUID coverageId, UUID patientId, String practiceId, LocalDate date,
                                  String status, dev.revcycle.contracts.eligibility.Benefits benefits) {
        return event("revcycle/eligibility", EventTypes.ELIGIBILITY_VERIFIED, patientId,
                new EligibilityVerified(checkId, coverageId, patientId, practiceId, date, status,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), benefits, null, 1));
    }

    private static String event(String source, String type, UUID subject, Object data) {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), source, type, Instant.now(),
                subject.toString(), data));
    }

    public static synchronized void sendPatient(UUID key, String value) {
        awaitConsumer();
        publish(Topics.PATIENTS, key.toString(), value);
    }

    public static synchronized void sendEligibility(UUID key, String value) {
        awaitConsumer();
        publish(Topics.ELIGIBILITY, key.toString(), value);
    }

    /** Registers a patient (version 1) and waits until claims knows it. */
    public static UUID patient(String practiceId) {
        UUID id = UUID.randomUUID();
        sendPatient(id, registered(id, practiceId, demographics("Ana", "Zzlopez", LocalDate.of(1984, 3, 9)), 1));
        await("SELECT 1 FROM known_patient WHERE id = ?", id);
        return id;
    }

    /** Adds a coverage of the patient (version 1) and waits until claims knows it. */
    public static UUID coverage(String practiceId, UUID patientId, UUID payerId) {
        UUID id = UUID.randomUUID();
        sendEligibility(patientId, coverageAdded(coverage(id, patientId, practiceId, payerId), 1));
        await("SELECT 1 FROM known_coverage WHERE id = ?", id);
        return id;
    }

    public static void await(String sql, Object param) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (exists(sql, param)) {
                return;
            }
            TopicWriter.pause();
        }
        throw new AssertionError("claims did not learn it within 60s: " + sql);
    }

    public static boolean exists(String sql, Object param) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitConsumer() {
        if (!consumerAssigned) {
            TopicWriter.awaitConsumer("claims' consumer",
                    sentinel -> publish(Topics.PATIENTS, sentinel.toString(), registered(sentinel, "sentinel",
                            demographics("Sentinel", "Patient", LocalDate.of(1970, 1, 1)), 1)),
                    sentinel -> exists("SELECT 1 FROM known_patient WHERE id = ?", sentinel));
            consumerAssigned = true;
        }
    }


    private static void publish(String topic, String key, String value) {
        TopicWriter.publish(topic, key, value);
    }

}
