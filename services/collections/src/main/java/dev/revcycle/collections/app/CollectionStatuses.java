package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.AgingBucket;
import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.domain.KnownPatient;
import dev.revcycle.collections.domain.NextAction;
import dev.revcycle.collections.domain.Standing;
import dev.revcycle.collections.store.HoldStore;
import dev.revcycle.collections.store.PatientStore;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An account's collection status at a day: balances, bucket, holds, standing and the next action. */
@ApplicationScoped
public class CollectionStatuses {
    @Inject
    Accounts accounts;

    @Inject
    HoldStore holds;

    @Inject
    PatientStore patients;

    @Inject
    Policies policies;

    @Inject
    AccountStandings standings;

    @Inject
    Clock clock;

    public record Status(Account account, LocalDate asOf, AgingBucket bucket, Long daysOld, List<Hold> activeHolds,
                         Standing standing, boolean deceased, boolean addressUndeliverable, NextAction nextAction) {
    }

    @Transactional
    public Status of(Caller caller, UUID accountId, LocalDate asOf) {
        Account account = accounts.read(caller, accountId);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        LocalDate oldest = account.balances().open() ? account.balances().oldestOpenServiceDate() : null;
        List<Hold> active = holds.activeOf(accountId, day);
        Standing standing = standings.of(accountId, day);
        CollectionPolicy policy = policies.effective(account.practiceId());
        Optional<KnownPatient> patient = patients.find(account.patientId());
        return new Status(account, day, AgingBucket.of(oldest, day), oldest == null ? null : AgingBucket.age(oldest, day),
                active, standing, patient.map(KnownPatient::deceased).orElse(false),
                patient.map(KnownPatient::addressUndeliverable).orElse(false),
                NextAction.decide(account, active, standing, policy, day));
    }
}
