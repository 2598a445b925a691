package dev.revcycle.eligibility.api;

import dev.revcycle.testing.PayerSandboxResource;
import dev.revcycle.testing.HealthContract;
import dev.revcycle.testing.KafkaFaultProxy;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class HealthTest {
    @Inject
    KafkaFaultProxy kafka;

    @Test
    void readyOnTheDatabaseKafkaInItsOwnGroupWithoutATokenAndMetered() {
        HealthContract.assertHealthAndMetrics("/payers");
    }

    /** Neither the outbox relay nor the patients consumer makes the instance unready. */
    @Test
    void staysReadyAndKeepsWritingWhileTheBrokerIsAway() {
        HealthContract.assertReadyWhileKafkaIsAway(kafka, Fixtures::payer);
    }
}
