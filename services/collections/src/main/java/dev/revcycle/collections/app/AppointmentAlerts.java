package dev.revcycle.collections.app;

import dev.revcycle.collections.domain.Account;
import dev.revcycle.collections.domain.AppointmentAlert;
import dev.revcycle.collections.domain.CollectionPolicy;
import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.domain.Standing;
import dev.revcycle.collections.store.AccountStore;
import dev.revcycle.collections.store.HoldStore;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.security.Caller;
import dev.revcycle.common.security.PracticeCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The front desk's list for a day's appointments: for each patient who has something to say (past due, plan in
 * arrears, hold, placement), the alerts and the amount to ask for. Three bulk reads whatever the list's length
 * (the patients' accounts, their active holds, their standings).
 */
@ApplicationScoped
public class AppointmentAlerts {
    public static final int MAX_APPOINTMENTS = 500;

    @Inject
    AccountStore accounts;

    @Inject
    HoldStore holds;

    @Inject
    AccountStandings standings;

    @Inject
    Policies policies;

    @Inject
    Clock clock;

    @Inject
    Accounts accountReads;

    public record Appointment(UUID patientId, LocalDate date) {
    }

    /** The accounts named in the alerts handed out are written to the PHI audit (SEARCH, one row each). */
    @Transactional
    public List<AppointmentAlert> alerts(Caller caller, String practiceId, List<Appointment> appointments) {
        List<FieldError> errors = new ArrayList<>();
        if (practiceId == null) {
            errors.add(new FieldError("practiceId", "is required"));
        }
        LocalDate today = LocalDate.now(clock);
        if (appointments == null || appointments.isEmpty()) {
            errors.add(new FieldError("appointments", "must list 1 to " + MAX_APPOINTMENTS + " appointments"));
        } else if (appointments.size() > MAX_APPOINTMENTS) {
            errors.add(new FieldError("appointments", "must list at most " + MAX_APPOINTMENTS + " appointments"));
        } else {
            for (int i = 0; i < appointments.size(); i++) {
                Appointment a = appointments.get(i);
                if (a == null) {
                    errors.add(new FieldError("appointments[" + i + "]", "is required"));
                    continue;
                }
                if (a.patientId() == null) {
                    errors.add(new FieldError("appointments[" + i + "].patientId", "is required"));
                }
                if (a.date() == null) {
                    errors.add(new FieldError("appointments[" + i + "].date", "is required"));
                } else if (a.date().isBefore(today.minusDays(1)) || a.date().isAfter(today.plusYears(1))) {
                    errors.add(new FieldError("appointments[" + i + "].date", "must be from yesterday to a year from today"));
                }
            }
        }
        Violations.check(errors);
        PracticeCode.required("practiceId", practiceId);
        caller.requirePractice(practiceId, "Practice");

        Set<UUID> patientIds = appointments.stream().map(Appointment::patientId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UUID, List<Account>> byPatient = accounts.ofPatients(patientIds, practiceId).stream()
                .filter(a -> a.mergedInto() == null)
                .collect(Collectors.groupingBy(Account::patientId));
        List<UUID> accountIds = byPatient.values().stream().flatMap(List::stream).map(Account::id).toList();
        if (accountIds.isEmpty()) {
            return List.of();
        }
        // holds in effect on the earliest appointment day asked about (a hold ending before a later visit still shows)
        LocalDate first = appointments.stream().map(Appointment::date).min(LocalDate::compareTo).orElse(today);
        Map<UUID, List<Hold>> holdsByAccount = holds.activeOf(accountIds, first).stream()
                .collect(Collectors.groupingBy(Hold::accountId));
        Map<UUID, Standing> standing = standings.of(accountIds, first);
        CollectionPolicy policy = policies.effective(practiceId);

        List<AppointmentAlert> out = new ArrayList<>();
        for (Appointment a : appointments) {
            List<AppointmentAlert.Item> items = new ArrayList<>();
            for (Account account : byPatient.getOrDefault(a.patientId(), List.of())) {
                List<Hold> active = holdsByAccount.getOrDefault(account.id(), List.of()).stream()
                        .filter(h -> h.activeOn(a.date())).toList();
                items.addAll(AppointmentAlert.of(account, active, standing.get(account.id()), policy, a.date()));
            }
            if (!items.isEmpty()) {
                out.add(new AppointmentAlert(a.patientId(), a.date(), items, AppointmentAlert.amountToAsk(items)));
            }
        }
        accountReads.listed(caller, AuditAction.SEARCH, out.stream().flatMap(alert -> alert.alerts().stream())
                .map(AppointmentAlert.Item::accountId).collect(Collectors.toCollection(LinkedHashSet::new)), practiceId);
        return out;
    }
}
