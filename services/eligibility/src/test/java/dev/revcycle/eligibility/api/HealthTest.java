package dev.revcycle.eligibility.api;

import dev.revcycle.eligibility.support.PayerSandboxResource;
import dev.revcycle.testing.HealthContract;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
@QuarkusTestResource(PayerSandboxResource.class)
class HealthTest {
    @Test
    void readyOnDatabaseAndKafkaWithoutATokenAndMetered() {
        HealthContract.assertHealthAndMetrics("/payers");
    }
}
