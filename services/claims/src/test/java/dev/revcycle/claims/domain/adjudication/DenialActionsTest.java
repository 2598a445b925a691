package dev.revcycle.claims.domain.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revcycle.claims.domain.adjudication.DenialActions.Action;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Adjustment;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialActionsTest {

    @ParameterizedTest(name = "{0}-{1} → {2}")
    @CsvSource({
            "CO, 16, CORRECT_AND_RESUBMIT",          // lacks information
            "CO, 252, CORRECT_AND_RESUBMIT",         // an attachment is required
            "CO, 197, APPEAL_WITH_AUTHORIZATION",    // precertification absent
            "OA, 15, APPEAL_WITH_AUTHORIZATION",
            "CO, 29, APPEAL_WITH_PROOF_OF_TIMELY_FILING",
            "CO, 50, APPEAL_WITH_MEDICAL_RECORDS",   // not medically necessary
            "PR, 96, BILL_PATIENT",                  // non-covered, patient liable
            "PR, 204, BILL_PATIENT",
            "CO, 27, BILL_OTHER_PAYER",              // after coverage terminated
            "OA, 22, BILL_OTHER_PAYER",              // another payer is primary
            "CO, 18, NONE",                          // exact duplicate
            "PR, 18, NONE",                          // a duplicate even when grouped PR
            "CO, 999, REVIEW",
    })
    void theFirstMatchingRowSuggestsTheAction(String group, String carc, Action action) {
        assertEquals(action, DenialActions.ruleFor(new Adjustment(group, carc, null, BigDecimal.ONE)).action());
    }

    @Test
    void noDenialIsAReview() {
        assertEquals(Action.REVIEW, DenialActions.suggest(List.of()));
    }

    @Test
    void ruleIdsAreUniqueAndTheLastRowCatchesEverything() {
        Set<String> ids = new HashSet<>();
        DenialActions.RULES.forEach(r -> assertEquals(true, ids.add(r.id()), r.id()));
        DenialActions.Rule last = DenialActions.RULES.get(DenialActions.RULES.size() - 1);
        assertEquals(null, last.groupCode());
        assertEquals(Set.of(), last.reasonCodes());
    }
}
