package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.pricing.PracticeChargeMaster;
import dev.revcycle.claims.domain.pricing.ChargeMaster;
import dev.revcycle.claims.domain.pricing.ChargeMasterCsv;
import dev.revcycle.claims.domain.pricing.ChargeMasterItem;
import dev.revcycle.claims.store.ContractsRepository;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A practice's charge master: replaced whole by each PUT (JSON or CSV), all or nothing. Claim lines keyed without a
 * charge take its standard charge (DraftingClaims); estimates its charges and self-pay cash prices.
 */
@ApplicationScoped
public class ManagingChargeMasters {
    public static final Reason MALFORMED_CSV = new Reason("malformed-charge-master",
            "The charge master file cannot be read");
    static final String CHARGE_MASTER = "Charge master";

    @Inject
    ContractsRepository contracts;

    @Inject
    Clock clock;

    @Transactional
    public PracticeChargeMaster replace(Caller caller, String practiceId, List<ChargeMasterItem> items) {
        caller.requirePractice(practiceId, CHARGE_MASTER);
        Violations.check(ChargeMaster.violations(items).stream().map(e -> new FieldError(
                e.index() < 0 ? "items" : "items[" + e.index() + "]" + (e.field() == null ? "" : "." + e.field()),
                e.message())).toList());
        return store(caller, practiceId, items);
    }

    /** The same from a CSV file: any problem is a 422 naming each line and column, and nothing is written. */
    @Transactional
    public PracticeChargeMaster replaceFromCsv(Caller caller, String practiceId, String csv) {
        caller.requirePractice(practiceId, CHARGE_MASTER);
        ChargeMasterCsv.Parsed parsed;
        try {
            parsed = ChargeMasterCsv.parse(csv);
        } catch (ChargeMasterCsv.MalformedCsv e) {
            List<Map<String, Object>> problems = e.problems().stream().map(p -> p.column() == null
                    ? Map.<String, Object>of("line", p.line(), "message", p.message())
                    : Map.<String, Object>of("line", p.line(), "column", p.column(), "message", p.message())).toList();
            ChargeMasterCsv.Problem first = e.problems().get(0);
            throw new Unprocessable(MALFORMED_CSV, "line " + first.line() + (first.column() == null ? "" : ", "
                    + first.column()) + ": " + first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more, in problems)" : "") + "; nothing was changed", Map.of("problems", problems));
        }
        return store(caller, practiceId, parsed.items());
    }

    private PracticeChargeMaster store(Caller caller, String practiceId, List<ChargeMasterItem> items) {
        contracts.replaceChargeMaster(practiceId, items, caller.subject(), clock.instant());
        return contracts.chargeMaster(practiceId);
    }

    @Transactional
    public PracticeChargeMaster get(Caller caller, String practiceId) {
        caller.requirePractice(practiceId, CHARGE_MASTER);
        PracticeChargeMaster found = contracts.chargeMaster(practiceId);
        if (found == null) {
            throw new NotFound(CHARGE_MASTER);
        }
        return found;
    }
}
