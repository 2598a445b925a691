package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderTerms;
import dev.revcycle.claims.events.ClaimEvents;
import dev.revcycle.claims.store.ProviderRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.db.AdvisoryLocks;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.StaleVersion;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A practice's providers: one per practice and NPI, at most one default billing provider (the
 * previous default loses the mark, with its own ProviderChanged).
 */
@ApplicationScoped
public class ManagingProviders {
    public static final RecordType PROVIDER = new RecordType("provider", "Provider");
    public static final Reason DUPLICATE = new Reason("duplicate-provider",
            "The practice already has a provider with this NPI");

    @Inject
    ProviderRepository providers;

    @Inject
    ClaimEvents events;

    @Inject
    RecordAccess access;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Provider register(Caller caller, String practiceId, ProviderTerms input) {
        caller.requirePractice(practiceId, "Practice");
        ProviderTerms t = Violations.checked(input.normalized(), ProviderTerms::violations);
        AdvisoryLocks.lockForTransaction(em, "provider|" + practiceId);
        refuseDuplicate(practiceId, t.npi(), null);
        Instant now = clock.instant();
        if (t.defaultBilling()) {
            clearDefault(practiceId, null, now);
        }
        Provider p = new Provider(UUID.randomUUID(), practiceId, t.npi(), t.name(), t.entityType(), t.taxonomyCode(),
                t.taxId(), t.address(), t.defaultBilling(), 1);
        if (!providers.insert(p, now)) {
            refuseDuplicate(practiceId, t.npi(), null);
        }
        events.providerRegistered(p);
        return p;
    }

    @Transactional
    public Provider get(Caller caller, UUID id) {
        return access.require(caller, AuditAction.READ, PROVIDER, id, providers.find(id, false), Provider::practiceId);
    }

    @Transactional
    public Page<Provider> list(Caller caller, String practiceId, String npi, PageRequest page) {
        return providers.page(caller.practicesWithin(practiceId), npi, page);
    }

    @Transactional
    public Provider change(Caller caller, UUID id, Long expectedVersion, UnaryOperator<ProviderTerms> change) {
        Provider unlocked = access.require(caller, AuditAction.UPDATE, PROVIDER, id, providers.find(id, false),
                Provider::practiceId);
        AdvisoryLocks.lockForTransaction(em, "provider|" + unlocked.practiceId());
        Provider current = providers.find(id, true);
        StaleVersion.require(expectedVersion, current.version(), "provider");
        ProviderTerms t = Violations.checked(change.apply(termsOf(current)).normalized(), ProviderTerms::violations);
        if (!t.npi().equals(current.npi())) {
            refuseDuplicate(current.practiceId(), t.npi(), id);
        }
        Provider changed = new Provider(id, current.practiceId(), t.npi(), t.name(), t.entityType(), t.taxonomyCode(),
                t.taxId(), t.address(), t.defaultBilling(), current.version());
        if (changed.equals(current)) {
            return current;
        }
        Instant now = clock.instant();
        if (t.defaultBilling() && !current.defaultBilling()) {
            clearDefault(current.practiceId(), id, now);
        }
        changed = new Provider(id, current.practiceId(), t.npi(), t.name(), t.entityType(), t.taxonomyCode(), t.taxId(),
                t.address(), t.defaultBilling(), current.version() + 1);
        providers.update(changed, now);
        events.providerChanged(changed);
        return changed;
    }

    public static ProviderTerms termsOf(Provider p) {
        return new ProviderTerms(p.npi(), p.name(), p.entityType(), p.taxonomyCode(), p.taxId(), p.address(),
                p.defaultBilling());
    }

    private void refuseDuplicate(String practiceId, String npi, UUID except) {
        Provider existing = providers.byPracticeAndNpi(practiceId, npi);
        if (existing != null && !existing.id().equals(except)) {
            throw new Conflict(DUPLICATE, "Provider " + npi + " is already registered for this practice",
                    Map.of("existingProviderId", existing.id()));
        }
    }

    private void clearDefault(String practiceId, UUID except, Instant now) {
        Provider previous = providers.lockDefault(practiceId);
        if (previous != null && !previous.id().equals(except)) {
            Provider cleared = new Provider(previous.id(), previous.practiceId(), previous.npi(), previous.name(),
                    previous.entityType(), previous.taxonomyCode(), previous.taxId(), previous.address(), false,
                    previous.version() + 1);
            providers.update(cleared, now);
            events.providerChanged(cleared);
        }
    }
}
