package dev.revcycle.sandbox.api;

import dev.revcycle.sandbox.eligibility.EligibilityResponder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
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
}
