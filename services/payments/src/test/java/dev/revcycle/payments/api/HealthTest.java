package dev.revcycle.payments.api;

import dev.revcycle.testing.HealthContract;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class HealthTest {
    @Test
    void readyOnTheDatabaseKafkaInItsOwnGroupWithoutATokenAndMetered() {
        HealthContract.assertHealthAndMetrics("/accounts?patientId=" + java.util.UUID.randomUUID());
    }
}
