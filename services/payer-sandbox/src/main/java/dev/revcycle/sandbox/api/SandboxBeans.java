package dev.revcycle.sandbox.api;

import dev.revcycle.sandbox.eligibility.EligibilityResponder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import dev.revcycle.sandbox.claims.ClaimAcknowledger;
import dev.revcycle.sandbox.mailbox.Mailbox;
import dev.revcycle.sandbox.remittance.PendingClaims;
import dev.revcycle.sandbox.remittance.RemittanceRuns;
import dev.revcycle.sandbox.status.ClaimStatusResponder;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the plain-Java responders into CDI, so the domain packages stay free of it. */
@ApplicationScoped
public class SandboxBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    EligibilityResponder eligibilityResponder(Clock clock) {
        return new EligibilityResponder(clock);
    }

    @Produces
    @ApplicationScoped
    ClaimAcknowledger claimAcknowledger(Clock clock) {
        return new ClaimAcknowledger(clock);
    }

    @Produces
    @ApplicationScoped
    Mailbox mailbox(SandboxConfig config, Clock clock) {
        return new Mailbox(Path.of(config.dataDir()), clock);
    }

    @Produces
    @ApplicationScoped
    PendingClaims pendingClaims(SandboxConfig config) {
        return new PendingClaims(Path.of(config.dataDir()));
    }

    @Produces
    @ApplicationScoped
    ClaimStatusResponder claimStatusResponder(PendingClaims pending, Clock clock) {
        return new ClaimStatusResponder(pending, clock);
    }

    @Produces
    @ApplicationScoped
    RemittanceRuns remittanceRuns(PendingClaims pending, Mailbox mailbox, Clock clock) {
        return new RemittanceRuns(pending, mailbox, clock);
    }
}
