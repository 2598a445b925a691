package dev.revcycle.claims.clearinghouse;

import dev.revcycle.claims.x12.Claim837Writer;
import dev.revcycle.claims.x12.ClaimStatus276Writer;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.UsageIndicator;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Our side of the trading-partner agreement for 837s: the ISA/GS parties, the 1000A submitter and its
 * contact, the 1000B receiver, test or production. A bad setting stops the start-up.
 */
@ApplicationScoped
public class X12Setup {
    @ConfigProperty(name = "revcycle.x12.sender-id")
    String senderId;

    @ConfigProperty(name = "revcycle.x12.receiver-id")
    String receiverId;

    @ConfigProperty(name = "revcycle.x12.usage", defaultValue = "TEST")
    UsageIndicator usage;

    @ConfigProperty(name = "revcycle.x12.submitter-name", defaultValue = "REVCYCLE")
    String submitterName;

    @ConfigProperty(name = "revcycle.x12.submitter-contact", defaultValue = "BILLING OFFICE")
    String contactName;

    @ConfigProperty(name = "revcycle.x12.submitter-phone", defaultValue = "5555550100")
    String contactPhone;

    @ConfigProperty(name = "revcycle.x12.receiver-name", defaultValue = "PAYER SANDBOX")
    String receiverName;

    @Produces
    @Singleton
    Claim837Writer writer(Clock clock) {
        return new Claim837Writer(new InterchangeSettings("ZZ", senderId, "ZZ", receiverId, usage(usage, LaunchMode.current())),
                new Claim837Writer.Parties(submitterName, senderId, contactName, contactPhone, receiverName, receiverId),
                clock);
    }

    /** ISA15 as configured, but never P from dev mode or a test (a real clearinghouse would adjudicate it). */
    static UsageIndicator usage(UsageIndicator configured, LaunchMode mode) {
        if (configured == UsageIndicator.PRODUCTION && mode != LaunchMode.NORMAL) {
            throw new IllegalStateException("revcycle.x12.usage=PRODUCTION is only for a production deployment,"
                    + " not " + mode.getDefaultProfile() + " mode");
        }
        return configured;
    }

    @Produces
    @Singleton
    ClaimStatus276Writer statusWriter(Clock clock) {
        return new ClaimStatus276Writer(new InterchangeSettings("ZZ", senderId, "ZZ", receiverId, usage(usage, LaunchMode.current())),
                new ClaimStatus276Writer.Submitter(submitterName, senderId, receiverId), clock);
    }

    void verify(@Observes StartupEvent event, Claim837Writer writer, ClaimStatus276Writer statusWriter) {
        // producing it checked the settings
    }
}
