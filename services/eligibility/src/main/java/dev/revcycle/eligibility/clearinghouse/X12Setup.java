package dev.revcycle.eligibility.clearinghouse;

import dev.revcycle.eligibility.x12.EligibilityRequest270Writer;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12CharacterSet;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Our side of the trading-partner agreement with the clearinghouse: the ISA/GS parties, test or
 * production, and the TRN03 that marks our trace numbers. A bad setting stops the start-up.
 */
@ApplicationScoped
public class X12Setup {
    @ConfigProperty(name = "revcycle.x12.sender-id")
    String senderId;

    @ConfigProperty(name = "revcycle.x12.receiver-id")
    String receiverId;

    @ConfigProperty(name = "revcycle.x12.usage", defaultValue = "TEST")
    UsageIndicator usage;

    @ConfigProperty(name = "revcycle.x12.trace-assigner")
    String traceAssigner;

    @ConfigProperty(name = "revcycle.eligibility.provider.npi")
    String providerNpi;

    @ConfigProperty(name = "revcycle.eligibility.provider.name")
    String providerName;

    @Produces
    @Singleton
    EligibilityRequest270Writer writer(Clock clock) {
        if (providerNpi == null || !providerNpi.matches("\\d{10}")) {
            throw new IllegalStateException("revcycle.eligibility.provider.npi must be ten digits");
        }
        // the provider of a practice without a default billing provider (CheckRecords): checked here, at start-up
        if (providerName == null || providerName.isBlank() || providerName.length() > 60
                || !X12CharacterSet.isValid(providerName)) {
            throw new IllegalStateException("revcycle.eligibility.provider.name must be 1 to 60 characters of the X12 "
                    + "character set");
        }
        return new EligibilityRequest270Writer(new InterchangeSettings("ZZ", senderId, "ZZ", receiverId,
                usage(usage, LaunchMode.current())), senderId, receiverId, traceAssigner, clock);
    }

    /**
     * ISA15 as configured, but never P from dev mode or a test: an interchange marked P is processed by a
     * real clearinghouse as a production inquiry about a real person.
     */
    static UsageIndicator usage(UsageIndicator configured, LaunchMode mode) {
        if (configured == UsageIndicator.PRODUCTION && mode != LaunchMode.NORMAL) {
            throw new IllegalStateException("revcycle.x12.usage=PRODUCTION is only for a production deployment,"
                    + " not " + mode.getDefaultProfile() + " mode");
        }
        return configured;
    }

    /** Builds the writer at start-up, so that a bad setting fails the start rather than the first check. */
    void verify(@Observes StartupEvent event, EligibilityRequest270Writer writer) {
        // nothing more: producing it checked the settings
    }
}
