package dev.revcycle.claims.domain.adjudication;

import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Adjustment;
import java.util.List;
import java.util.Set;

/**
 * The next step a billing representative takes on a denial, by the adjustment's group and CARC (the
 * X12 Claim Adjustment Reason Codes). One table, read top to bottom, the first row that matches wins;
 * a claim's suggestion is that of its largest denial ({@link #suggest(List)}).
 */
public final class DenialActions {

    public enum Action {
        CORRECT_AND_RESUBMIT("Correct the claim and resubmit it"),
        APPEAL_WITH_AUTHORIZATION("Appeal with the prior authorization"),
        APPEAL_WITH_PROOF_OF_TIMELY_FILING("Appeal with proof of timely submission (the 999/277CA acceptance)"),
        APPEAL_WITH_MEDICAL_RECORDS("Appeal with the medical records showing medical necessity"),
        BILL_OTHER_PAYER("Verify the patient's coverage and bill the payer responsible"),
        BILL_PATIENT("Bill the patient: the payer assigned it to the patient"),
        NONE("None: a duplicate of a claim already processed"),
        REVIEW("Review the denial: no standard action for this reason");

        private final String text;

        Action(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One row: a group (null = any group), the CARCs it covers (empty = any), the action. */
    public record Rule(String id, String groupCode, Set<String> reasonCodes, Action action) {
        public Rule {
            reasonCodes = Set.copyOf(reasonCodes);
        }

        boolean matches(Adjustment adjustment) {
            return (groupCode == null || groupCode.equals(adjustment.groupCode()))
                    && (reasonCodes.isEmpty() || reasonCodes.contains(adjustment.reasonCode()));
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule("DUPLICATE", null, Set.of("18"), Action.NONE),
            new Rule("PATIENT-RESPONSIBILITY", "PR", Set.of(), Action.BILL_PATIENT),
            new Rule("TIMELY-FILING", null, Set.of("29"), Action.APPEAL_WITH_PROOF_OF_TIMELY_FILING),
            new Rule("AUTHORIZATION", null, Set.of("15", "62", "197", "198", "288"), Action.APPEAL_WITH_AUTHORIZATION),
            new Rule("MEDICAL-NECESSITY", null, Set.of("50", "55", "56", "57", "150", "151", "152"),
                    Action.APPEAL_WITH_MEDICAL_RECORDS),
            new Rule("COVERAGE", null, Set.of("22", "23", "24", "26", "27", "31", "109", "200"), Action.BILL_OTHER_PAYER),
            new Rule("MISSING-INFORMATION", null,
                    Set.of("4", "5", "6", "7", "8", "9", "10", "11", "16", "97", "125", "146", "181", "182", "189",
                            "206", "226", "227", "234", "252"),
                    Action.CORRECT_AND_RESUBMIT),
            new Rule("OTHER", null, Set.of(), Action.REVIEW));

    private DenialActions() {
    }

    public static Rule ruleFor(Adjustment adjustment) {
        return RULES.stream().filter(r -> r.matches(adjustment)).findFirst().orElseThrow();
    }

    /** The suggestion for a claim's denials (largest first, as {@link Adjudication} lists them); REVIEW when none. */
    public static Action suggest(List<Adjustment> denialsLargestFirst) {
        return denialsLargestFirst.isEmpty() ? Action.REVIEW : ruleFor(denialsLargestFirst.get(0)).action();
    }
}
