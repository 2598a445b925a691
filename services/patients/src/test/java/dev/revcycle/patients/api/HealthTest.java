package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;

import dev.revcycle.testing.HealthContract;
import dev.revcycle.testing.KafkaFaultProxy;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class HealthTest {
    @Inject
    KafkaFaultProxy kafka;

    @Test
    void readyOnTheDatabaseKafkaInItsOwnGroupWithoutATokenAndMetered() {
        HealthContract.assertHealthAndMetrics("/patients");
    }

    @Test
    void staysReadyAndKeepsRegisteringWhileTheBrokerIsAway() {
        String practice = practice();
        HealthContract.assertReadyWhileKafkaIsAway(kafka, () -> Fixtures.register(patient(practice)));
    }
}
