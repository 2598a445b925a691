package dev.revcycle.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now". Inject {@link Clock} instead of calling {@code Instant.now()}, so that
 * aging, statement cycles and plan lapses can be tested at any date (a test supplies its own).
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
