package dev.revcycle.claims.domain.pricing;

import dev.revcycle.common.domain.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A new version of a payer's fee schedule for a practice: every contracted rate from {@code effectiveFrom} on, until
 * a later version's date. Each code and modifier once; amounts with two decimals, not negative.
 */
public record FeeScheduleTerms(LocalDate effectiveFrom, List<ContractedRate> rates) {
    public static final int MAX_RATES = 20_000;

    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (effectiveFrom == null) {
            errors.add(new FieldError("effectiveFrom", "is required: the first date of service the rates apply to"));
        }
        if (rates == null || rates.isEmpty()) {
            errors.add(new FieldError("rates", "at least one rate is required"));
            return errors;
        }
        if (rates.size() > MAX_RATES) {
            errors.add(new FieldError("rates", "at most " + MAX_RATES + " rates"));
        }
        Map<ProcedureKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < rates.size(); i++) {
            ContractedRate r = rates.get(i);
            String at = "rates[" + i + "]";
            if (r == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            List<String[]> found = new ArrayList<>();
            ProcedureKey.check(found, r.procedureCode(), r.modifier());
            String allowed = Amounts.problem(r.allowed());
            if (allowed != null) {
                found.add(new String[] {"allowed", allowed});
            }
            for (String[] f : found) {
                errors.add(new FieldError(at + "." + f[0], f[1]));
            }
            if (found.isEmpty()) {
                Integer first = seen.putIfAbsent(r.key(), i);
                if (first != null) {
                    errors.add(new FieldError(at + ".procedureCode", "the same procedure code and modifier as rates["
                            + first + "]"));
                }
            }
        }
        return errors;
    }
}
