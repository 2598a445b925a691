package dev.revcycle.collections.api;

import dev.revcycle.testing.OpenApiContract;
import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class OpenApiContractTest {
    @Test
    void theServedContractIsTheCommittedOne() throws Exception {
        OpenApiContract.assertMatchesCommitted("collections");
    }
}
