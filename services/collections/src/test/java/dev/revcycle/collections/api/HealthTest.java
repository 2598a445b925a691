package dev.revcycle.collections.api;

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
        HealthContract.assertHealthAndMetrics("/practices/p1/policy");
    }
}
