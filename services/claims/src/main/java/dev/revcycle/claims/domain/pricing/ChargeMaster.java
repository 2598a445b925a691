package dev.revcycle.claims.domain.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a practice's charge master as a whole: every item complete and well-formed, and no two items of one
 * procedure code and modifier effective on the same day (so a line's charge on a date is never ambiguous).
 */
public final class ChargeMaster {
    public static final int MAX_ITEMS = 20_000;

    private ChargeMaster() {
    }

    /** One problem of an item: its position in the list (from 0), the field and what is wrong. */
    public record ItemError(int index, String field, String message, int overlapsIndex) {
        ItemError(int index, String field, String message) {
            this(index, field, message, -1);
        }
    }

    /** What an overlap says, naming the other item as {@code other} (its JSON path or its CSV line). */
    public static String overlapMessage(String other) {
        return "overlaps the dates of " + other + " (same procedure code and modifier)";
    }

    public static List<ItemError> violations(List<ChargeMasterItem> items) {
        List<ItemError> errors = new ArrayList<>();
        Map<ProcedureKey, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ChargeMasterItem item = items.get(i);
            if (item == null) {
                errors.add(new ItemError(i, null, "is required"));
                continue;
            }
            List<String[]> found = new ArrayList<>();
            ProcedureKey.check(found, item.procedureCode(), item.modifier());
            if (item.description() == null) {
                found.add(new String[] {"description", "is required"});
            } else if (item.description().length() > ChargeMasterItem.MAX_DESCRIPTION) {
                found.add(new String[] {"description", "must be at most " + ChargeMasterItem.MAX_DESCRIPTION + " characters"});
            }
            String charge = Amounts.problem(item.standardCharge());
            if (charge != null) {
                found.add(new String[] {"standardCharge", charge});
            }
            String cash = Amounts.problem(item.cashPrice());
            if (cash != null) {
                found.add(new String[] {"cashPrice", cash});
            }
            if (item.effectiveFrom() == null) {
                found.add(new String[] {"effectiveFrom", "is required"});
            } else if (item.effectiveTo() != null && item.effectiveTo().isBefore(item.effectiveFrom())) {
                found.add(new String[] {"effectiveTo", "must not be before effectiveFrom"});
            }
            for (String[] f : found) {
                errors.add(new ItemError(i, f[0], f[1]));
            }
            if (found.isEmpty()) {
                List<Integer> same = byKey.computeIfAbsent(item.key(), k -> new ArrayList<>());
                for (int j : same) {
                    if (items.get(j).overlaps(item)) {
                        errors.add(new ItemError(i, "effectiveFrom", overlapMessage("items[" + j + "]"), j));
                        break;
                    }
                }
                same.add(i);
            }
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(0, new ItemError(-1, null, "at most " + MAX_ITEMS + " items"));
        }
        return errors;
    }

    /** The item of this code and modifier effective on {@code date} among {@code items}, or null. */
    public static ChargeMasterItem effective(List<ChargeMasterItem> items, ProcedureKey key, java.time.LocalDate date) {
        return items.stream().filter(i -> i.key().equals(key) && i.effectiveOn(date)).findFirst().orElse(null);
    }
}
