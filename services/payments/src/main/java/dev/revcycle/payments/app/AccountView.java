package dev.revcycle.payments.app;

import dev.revcycle.payments.domain.Account;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An account as the API shows it. */
public record AccountView(UUID id, UUID patientId, String practiceId, BigDecimal balance, BigDecimal insuranceBalance,
                          BigDecimal patientBalance, BigDecimal creditBalance, LocalDate oldestOpenServiceDate,
                          UUID mergedInto, long version) {
    public static AccountView of(Account a) {
        return new AccountView(a.id(), a.patientId(), a.practiceId(), a.balance(), a.insuranceBalance(),
                a.patientBalance(), a.creditBalance(), a.oldestOpenServiceDate(), a.mergedInto(), a.version());
    }
}
