package dev.revcycle.eligibility.api;

import static dev.revcycle.eligibility.api.Fixtures.activeMemberId;
import static dev.revcycle.eligibility.api.Fixtures.as;
import static dev.revcycle.eligibility.api.Fixtures.practice;
import static dev.revcycle.eligibility.support.ClaimsTopic.changed;
import static dev.revcycle.eligibility.support.ClaimsTopic.marked;
import static dev.revcycle.eligibility.support.ClaimsTopic.provider;
import static dev.revcycle.eligibility.support.ClaimsTopic.registered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.claims.ProviderDetails;
import dev.revcycle.eligibility.support.ClaimsTopic;
import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Claims' providers in eligibility's 270s: the practice's default billing provider asks (loop 2100B,
 * NM1*1P), a practice without one asks as the configured provider, and a default that moves from one
 * provider to another is followed whichever of the two providers' events arrives first. Events are
 * published on claims' topic as claims would (checked against their schemas); each 270 is the one
 * sent to the payer sandbox, as {@code GET /eligibility-checks/{id}/x12/270} shows it.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class ProviderEventsTest {
    /** As application.properties configures the provider of a practice without a default billing provider. */
    private static final String CONFIGURED = "NM1*1P*2*REVCYCLE CLINIC*****XX*1234567893";

    @Inject
    AgroalDataSource db;

    /** NPIs with a valid check digit, as claims accepts them. */
    private static final String NPI_1 = "1245319599";
    private static final String NPI_2 = "1679576722";
    private static final String NPI_3 = "1104202761";

    /** A practice's patient with an active coverage, whose eligibility is checked again and again. */
    private record Patient(String practice, String coverageId) {
        static Patient of(String practice) {
            return new Patient(practice, Fixtures.coverageFor(practice, activeMemberId()));
        }

        /** NM1*1P of a new 270 sent for the patient (refresh: never the stored answer). */
        String informationReceiver() {
            String id = as("registrar", practice).body(Map.of("coverageId", coverageId, "serviceDate", "2026-03-05"))
                    .post("/eligibility-checks?refresh=true").then().statusCode(201).extract().path("id");
            String x270 = as("registrar", practice).get("/eligibility-checks/" + id + "/x12/270").then().statusCode(200)
                    .extract().asString();
            List<String> segments = new ArrayList<>();
            for (String segment : x270.split("~")) {
                if (segment.strip().startsWith("NM1*1P*")) {
                    segments.add(segment.strip());
                }
            }
            assertThat(segments).as("one information receiver in the 270").hasSize(1);
            return segments.get(0);
        }
    }

    private static ProviderDetails organization(String practice, String npi, String name, boolean defaultBilling) {
        return provider(UUID.randomUUID(), practice, npi, name, "ORGANIZATION", defaultBilling);
    }

    /** Publishes and waits until eligibility's record of the provider is at that version. */
    private static void deliver(ProviderDetails p, String event, long version) {
        ClaimsTopic.send(p.providerId(), event);
        ClaimsTopic.awaitVersion(p.providerId(), version);
    }

    @Test
    void thePracticesDefaultBillingProviderAsksAndAPracticeWithoutOneAsksAsTheConfiguredProvider() {
        String practice = practice();
        String other = practice();
        ProviderDetails clinic = organization(practice, NPI_1, "Bone and Joint Clinic", true);
        ProviderDetails doctor = provider(UUID.randomUUID(), practice, NPI_2, "Okafor, Ana", "PERSON", false);
        // the other practice has a provider, but no default billing provider
        ProviderDetails elsewhere = organization(other, NPI_3, "Elsewhere Medical Group", false);
        deliver(clinic, registered(clinic, Instant.now()), 1);
        deliver(doctor, registered(doctor, Instant.now()), 1);
        deliver(elsewhere, registered(elsewhere, Instant.now()), 1);

        assertThat(Patient.of(practice).informationReceiver())
                .isEqualTo("NM1*1P*2*Bone and Joint Clinic*****XX*" + NPI_1);
        // neither this practice's own provider that is not the default, nor another practice's default
        assertThat(Patient.of(other).informationReceiver()).isEqualTo(CONFIGURED);
        assertThat(Patient.of(practice()).informationReceiver()).as("a practice claims never mentioned")
                .isEqualTo(CONFIGURED);
    }

    @Test
    void aPersonAsksByLastAndFirstNameAndAChangeOfNameFollows() {
        String practice = practice();
        ProviderDetails doctor = provider(UUID.randomUUID(), practice, NPI_2, "Okafor, Ana", "PERSON", true);
        deliver(doctor, registered(doctor, Instant.now()), 1);
        Patient patient = Patient.of(practice);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*1*Okafor*Ana****XX*" + NPI_2);

        ProviderDetails renamed = provider(doctor.providerId(), practice, NPI_2, "Okafor-Müller, Ana", "PERSON", true);
        deliver(renamed, changed(renamed, 2, Instant.now()), 2);
        // transliterated into the X12 character set
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*1*Okafor-Muller*Ana****XX*" + NPI_2);

        // a name without a comma cannot be split: the whole of it is the last name, no first name
        ProviderDetails unsplit = provider(doctor.providerId(), practice, NPI_2, "Ana Okafor", "PERSON", true);
        deliver(unsplit, changed(unsplit, 3, Instant.now()), 3);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*1*Ana Okafor*****XX*" + NPI_2);
    }

    @Test
    void theDefaultMovesWhenTheOldDefaultsUnmarkingArrivesFirst() {
        String practice = practice();
        Instant t0 = Instant.now();
        ProviderDetails old = organization(practice, NPI_1, "Old Default Clinic", true);
        deliver(old, registered(old, t0), 1);
        Patient patient = Patient.of(practice);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*Old Default Clinic*****XX*" + NPI_1);

        // claims moves the mark in one transaction; the old default's event is here, the new one's not yet
        Instant t1 = t0.plusSeconds(1);
        deliver(old, changed(marked(old, false), 2, t1), 2);
        assertThat(patient.informationReceiver()).as("meanwhile, no default: the configured provider")
                .isEqualTo(CONFIGURED);

        ProviderDetails newer = organization(practice, NPI_2, "New Default Clinic", true);
        deliver(newer, registered(newer, t1), 1);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*New Default Clinic*****XX*" + NPI_2);
    }

    @Test
    void theDefaultMovesWhenTheNewDefaultsEventArrivesFirstAndBack() throws Exception {
        String practice = practice();
        Instant t0 = Instant.now();
        ProviderDetails first = organization(practice, NPI_1, "First Clinic", true);
        ProviderDetails second = organization(practice, NPI_2, "Second Clinic", false);
        deliver(first, registered(first, t0), 1);
        deliver(second, registered(second, t0), 1);
        Patient patient = Patient.of(practice);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*First Clinic*****XX*" + NPI_1);

        // to the second: its event overtakes the first's unmarking, so both are marked for a while
        Instant t1 = t0.plusSeconds(1);
        deliver(second, changed(marked(second, true), 2, t1), 2);
        assertThat(markedDefaults(practice)).as("both marked until the first's event arrives").isEqualTo(2);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*Second Clinic*****XX*" + NPI_2);
        deliver(first, changed(marked(first, false), 2, t1), 2);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*Second Clinic*****XX*" + NPI_2);

        // and back to the first, the same way round: whichever id sorts first, the later mark wins
        Instant t2 = t1.plusSeconds(1);
        deliver(first, changed(marked(first, true), 3, t2), 3);
        assertThat(markedDefaults(practice)).isEqualTo(2);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*First Clinic*****XX*" + NPI_1);
        deliver(second, changed(marked(second, false), 3, t2), 3);
        assertThat(markedDefaults(practice)).isEqualTo(1);
        assertThat(patient.informationReceiver()).isEqualTo("NM1*1P*2*First Clinic*****XX*" + NPI_1);
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() throws Exception {
        String practice = practice();
        Instant t0 = Instant.now();
        ProviderDetails old = organization(practice, NPI_1, "Old Default Clinic", true);
        ProviderDetails newer = organization(practice, NPI_2, "New Default Clinic", false);
        String oldRegistered = registered(old, t0);
        deliver(old, oldRegistered, 1);
        deliver(newer, registered(newer, t0), 1);
        Instant t1 = t0.plusSeconds(1);
        deliver(old, changed(marked(old, false), 2, t1), 2);
        deliver(newer, changed(marked(newer, true), 2, t1), 2);

        // the old default's registration again (a redelivery), and its state again under a new id (a replay)
        String replayed = ClaimsTopic.anotherEventLike(oldRegistered);
        ClaimsTopic.send(old.providerId(), oldRegistered);
        ClaimsTopic.send(old.providerId(), replayed);
        // a marker behind them on the same partition: once it is applied, so are they
        ProviderDetails marker = organization(practice(), NPI_3, "Marker Clinic", false);
        ClaimsTopic.send(old.providerId(), registered(marker, Instant.now()));
        ClaimsTopic.awaitVersion(marker.providerId(), 1);

        assertThat(inboxRows(oldRegistered)).containsExactly("applied");
        assertThat(inboxRows(replayed)).containsExactly("stale");
        assertThat(ClaimsTopic.appliedVersion(old.providerId())).isEqualTo(2);
        assertThat(markedDefaults(practice)).isEqualTo(1);
        assertThat(Patient.of(practice).informationReceiver()).isEqualTo("NM1*1P*2*New Default Clinic*****XX*" + NPI_2);
    }

    @Test
    void aProviderEventThatCanNeverBeAppliedIsDeadLetteredAndTheNextIsApplied() {
        String practice = practice();
        UUID id = UUID.randomUUID();
        String noNpi = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"ProviderRegistered\","
                + "\"source\":\"revcycle/claims\",\"time\":\"2026-03-05T10:00:00Z\",\"subject\":\"" + id + "\","
                + "\"data\":{\"provider\":{\"providerId\":\"" + id + "\",\"practiceId\":\"" + practice + "\","
                + "\"name\":\"No NPI Clinic\",\"entityType\":\"ORGANIZATION\",\"defaultBilling\":true},\"version\":1}}";
        ProviderDetails next = organization(practice, NPI_1, "Next Clinic", true);
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("eligibility"))) {
            ClaimsTopic.send(id, noNpi);
            ClaimsTopic.send(id, registered(next, Instant.now()));
            TopicReader.Received dead = dlq.awaitOne(r -> r.raw().equals(noNpi));
            assertThat(dead.key()).isEqualTo(id.toString());
        }
        ClaimsTopic.awaitVersion(next.providerId(), 1);
        assertThat(ClaimsTopic.appliedVersion(id)).isZero();
        assertThat(Patient.of(practice).informationReceiver()).isEqualTo("NM1*1P*2*Next Clinic*****XX*" + NPI_1);
    }

    private int markedDefaults(String practice) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM known_provider WHERE practice_id = ? AND default_billing")) {
            s.setString(1, practice);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<String> inboxRows(String event) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT outcome FROM inbox_event WHERE event_id = ?")) {
            s.setString(1, EventJson.read(event).id());
            List<String> outcomes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
            return outcomes;
        }
    }
}
