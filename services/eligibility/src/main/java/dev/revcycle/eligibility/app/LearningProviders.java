package dev.revcycle.eligibility.app;

import dev.revcycle.eligibility.domain.KnownProvider;
import dev.revcycle.eligibility.store.KnownProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the local record of practices' providers from claims' ProviderRegistered / ProviderChanged,
 * inside the inbox's transaction (the effect and the "event seen" row commit together). Each event
 * carries the provider's whole state at its version: an event not newer than what the record holds
 * (a redelivery, a replay, an older event overtaking) changes nothing, so an old "default billing"
 * mark never comes back. Which provider is the practice's default is decided when a 270 is written
 * ({@link KnownProviderRepository#defaultBilling}), never by changing another provider's record here.
 */
@ApplicationScoped
public class LearningProviders {
    @Inject
    KnownProviderRepository providers;

    @Inject
    Clock clock;

    /**
     * @param changedAt the event's time: orders the default marks of two providers of one practice,
     *                  whose events travel under different keys
     * @return true if applied, false when the record already reflects that version or a later one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean learn(KnownProvider provider, long version, Instant changedAt) {
        return providers.upsertNewer(provider, version, changedAt, clock.instant());
    }
}
