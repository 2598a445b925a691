package dev.revcycle.eligibility.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.x12.UsageIndicator;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ISA15 of the 270: T in development and tests, P only where a production deployment says so. */
class X12UsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev", "test"})
    void theConfigurationSaysTestInEveryProfileUnlessTheDeploymentSetsProduction(String profile) throws Exception {
        // ./revcycle up, docker compose and the k8s dev overlay run the prod profile against the sandbox.
        assertThat(usage(profile, null)).isEqualTo("TEST");
        assertThat(usage(profile, "PRODUCTION")).isEqualTo("PRODUCTION");
    }

    @Test
    void productionIsRefusedInDevModeAndTestsAndKeptInAProductionRun() {
        for (LaunchMode mode : new LaunchMode[] {LaunchMode.DEVELOPMENT, LaunchMode.TEST}) {
            assertThatThrownBy(() -> X12Setup.usage(UsageIndicator.PRODUCTION, mode))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("revcycle.x12.usage=PRODUCTION is only for a production deployment, not "
                            + mode.getDefaultProfile() + " mode");
            assertThat(X12Setup.usage(UsageIndicator.TEST, mode)).isEqualTo(UsageIndicator.TEST);
        }
        assertThat(X12Setup.usage(UsageIndicator.PRODUCTION, LaunchMode.NORMAL)).isEqualTo(UsageIndicator.PRODUCTION);
        assertThat(X12Setup.usage(UsageIndicator.TEST, LaunchMode.NORMAL)).isEqualTo(UsageIndicator.TEST);
    }

    /** revcycle.x12.usage as the service's application.properties resolves it in a profile. */
    private static String usage(String profile, String environment) throws Exception {
        URL properties = X12UsageTest.class.getResource("/application.properties");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties));
        if (environment != null) {
            builder.withDefaultValue("REVCYCLE_X12_USAGE", environment);
        }
        SmallRyeConfig config = builder.build();
        return config.getValue("revcycle.x12.usage", String.class);
    }
}
