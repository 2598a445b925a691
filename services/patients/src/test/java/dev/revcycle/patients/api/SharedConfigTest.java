package dev.revcycle.patients.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The defaults every service shares come from revcycle-common's META-INF/microprofile-config.properties,
 * at build time (datasource kind, OpenAPI filter) and at run time (the test database, named after
 * the service), with this service's own values on top.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class SharedConfigTest {

    @Test
    void sharedDefaultsApplyAndTheServicesOwnValuesWin() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.datasource.db-kind", String.class)).isEqualTo("postgresql");
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class)).endsWith("/patients_test");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("patients");
        assertThat(config.getValue("mp.openapi.filter", String.class)).isEqualTo("dev.revcycle.common.api.ProblemResponsesFilter");
        assertThat(config.getValue("quarkus.hibernate-orm.jdbc.statement-batch-size", Integer.class)).isEqualTo(50);
        assertThat(config.getValue("revcycle.idempotency.fingerprint-key", String.class)).isNotBlank();
        // the service's own file overrides the shared one
        assertThat(config.getValue("quarkus.datasource.jdbc.max-size", Integer.class)).isEqualTo(32);
        assertThat(config.getValue("quarkus.smallrye-openapi.info-title", String.class)).isEqualTo("revcycle patients API");
    }
}
