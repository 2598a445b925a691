package dev.revcycle.payments.app;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import dev.revcycle.payments.store.PeriodStore;
import dev.revcycle.payments.store.PeriodStore.Close;
import dev.revcycle.payments.store.PeriodStore.Movement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Month-end close: a closed month takes no manual posting (422) and event/file postings are dated into the
 * first open month. The journal sums the month's entries by GL account and proves
 * opening A/R + charges − payments − adjustments − write-offs + refunds (± reversals, transfers) = closing A/R,
 * and that closing A/R equals the sum of the account balances less what was posted after the month.
 */
@ApplicationScoped
public class PeriodCloses {
    /** The GL account of the month's PLB (provider-level) adjustments. */
    public static final String PLB = "1015";
    public static final Reason ALREADY_CLOSED = new Reason("period-already-closed", "The month is closed already");

    /** One journal line: a GL account, its amount (positive) and its signed effect on A/R. */
    public record JournalLine(String glAccount, String description, BigDecimal amount, BigDecimal effect, long entries) {
    }

    public record Journal(UUID id, String practiceId, String month, String closedBy, java.time.Instant closedAt,
                          BigDecimal openingAr, List<JournalLine> lines, BigDecimal closingAr,
                          BigDecimal accountBalancesAtMonthEnd, boolean balanced) {
    }

    @Inject
    PeriodStore store;

    @Inject
    Clock clock;

    @Transactional
    public Journal close(Caller caller, String practiceId, String month) {
        YearMonth ym = month(month);
        if (practiceId == null) {
            throw Violations.of("practiceId", "is required");
        }
        caller.requirePractice(practiceId, "practiceId");
        // serialise with postings that check the month: one close per practice at a time
        dev.revcycle.common.db.AdvisoryLocks.lockForTransaction(em, "period-close:" + practiceId);
        if (store.find(practiceId, ym.atDay(1)).isPresent()) {
            throw new Conflict(ALREADY_CLOSED, "The month " + ym + " is closed already for " + practiceId);
        }
        UUID id = UUID.randomUUID();
        store.insert(new Close(id, practiceId, ym.atDay(1), clock.instant(), caller.subject(),
                store.accountsTotal(practiceId)));
        return journal(store.find(id).orElseThrow());
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public Journal get(Caller caller, UUID id) {
        Close close = store.find(id).filter(c -> caller.canSee(c.practiceId()))
                .orElseThrow(() -> new NotFound("Period close"));
        return journal(close);
    }

    private Journal journal(Close close) {
        LocalDate from = close.month();
        LocalDate until = from.plusMonths(1);
        BigDecimal opening = store.arBefore(close.practiceId(), from);
        Map<String, JournalLine> lines = new LinkedHashMap<>();
        for (Movement m : store.movements(close.practiceId(), from, until)) {
            String[] gl = gl(m);
            JournalLine l = lines.get(gl[0]);
            lines.put(gl[0], l == null ? new JournalLine(gl[0], gl[1], m.amount(), m.delta(), m.entries())
                    : new JournalLine(gl[0], gl[1], l.amount().add(m.amount()), l.effect().add(m.delta()),
                    l.entries() + m.entries()));
        }
        // PLB: the practice's provider-level books (interest paid to it, recoupments and forward balances withheld
        // from it). Not any patient's balance, so its A/R effect is 0: a memo line beside the A/R proof.
        PeriodStore.PlbSum plb = store.plb(close.practiceId(), from, until);
        if (plb.entries() > 0) {
            lines.put(PLB, new JournalLine(PLB, "Provider-level adjustments (PLB, outside patient A/R)", plb.amount(),
                    BigDecimal.ZERO.setScale(2), plb.entries()));
        }
        BigDecimal movement = lines.values().stream().map(JournalLine::effect).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal closing = store.arBefore(close.practiceId(), until);
        BigDecimal balancesAtMonthEnd = store.accountsTotal(close.practiceId())
                .subtract(store.postedFrom(close.practiceId(), until));
        boolean balanced = opening.add(movement).compareTo(closing) == 0 && closing.compareTo(balancesAtMonthEnd) == 0;
        return new Journal(close.id(), close.practiceId(), YearMonth.from(from).toString(), close.closedBy(),
                close.closedAt(), opening, new ArrayList<>(lines.values()), closing, balancesAtMonthEnd, balanced);
    }

    /** The GL account of a journal line. */
    static String[] gl(Movement m) {
        return switch (m.type()) {
            case "CHARGE" -> new String[] {"4000", "Charges (patient service revenue)"};
            case "PAYMENT" -> "INSURANCE".equals(m.responsibility())
                    ? new String[] {"1010", "Insurance payments"}
                    : new String[] {"1020-" + (m.method().isEmpty() ? "OTHER" : m.method()),
                    "Patient payments (" + (m.method().isEmpty() ? "other" : m.method().toLowerCase()) + ")"};
            case "ADJUSTMENT" -> "CONTRACTUAL".equals(m.kind()) ? new String[] {"4100", "Contractual adjustments"}
                    : new String[] {"4110", "Other adjustments"};
            case "WRITE_OFF" -> new String[] {"4200", "Write-offs"};
            case "REFUND" -> new String[] {"2100", "Refunds"};
            case "TRANSFER" -> new String[] {"1200-T", "Transfers (responsibility, merges)"};
            default -> "RECOVERY".equals(m.kind()) ? new String[] {"4210", "Bad-debt recoveries"}
                    : new String[] {"1200-R", "Reversals"};
        };
    }

    public String csv(Journal j) {
        StringBuilder out = new StringBuilder("practice_id,month,gl_account,description,amount,ar_effect,entries\r\n");
        out.append(row(j, "1200-OPEN", "Opening A/R", j.openingAr(), j.openingAr(), 0));
        for (JournalLine l : j.lines()) {
            out.append(row(j, l.glAccount(), l.description(), l.amount(), l.effect(), l.entries()));
        }
        out.append(row(j, "1200-CLOSE", "Closing A/R", j.closingAr(), j.closingAr(), 0));
        return out.toString();
    }

    private static String row(Journal j, String gl, String description, BigDecimal amount, BigDecimal effect, long n) {
        return String.join(",", j.practiceId(), j.month(), gl, "\"" + description.replace("\"", "\"\"") + "\"",
                amount.toPlainString(), effect.toPlainString(), Long.toString(n)) + "\r\n";
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw Violations.of("month", "must be a month as YYYY-MM");
        }
    }
}
