package dev.revcycle.claims.api;

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
        HealthContract.assertHealthAndMetrics("/claims");
    }

    @Test
    void staysReadyAndKeepsWritingWhileTheBrokerIsAway() {
        HealthContract.assertReadyWhileKafkaIsAway(kafka, () -> ProviderResourceTest.register(
                dev.revcycle.testing.ServiceRequests.practice()));
    }
}
