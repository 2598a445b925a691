package dev.revcycle.sandbox.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every rule the sandbox answers by, in one place. The README reproduces these tables; change both together.
 *
 * <p>Rules are deterministic and keyed on what a test controls (here, the member id), so a test picks its
 * answer by picking its data. Each transaction has its table here: {@link #ELIGIBILITY} (270 → 271) and
 * {@link #CLAIM_ACKNOWLEDGEMENT} (837 → 277CA), {@link #REMITTANCE} (accepted claims → 835) and
 * {@link #CLAIM_STATUS} (276 → 277).
 */
public final class SandboxRules {

    /** What every active member is covered for (see the README's "Benefits of an active member"). */
    public static final ActiveBenefits ACTIVE_BENEFITS = new ActiveBenefits("SANDBOX PPO",
            new BigDecimal("25.00"), new BigDecimal("0.20"),
            new BigDecimal("1500.00"), new BigDecimal("500.00"),
            new BigDecimal("6000.00"), new BigDecimal("4500.00"));

    /**
     * Eligibility, 270 → 271, per subscriber: the first rule whose condition holds decides. A fault applies to
     * the whole request: when several subscribers trigger one, the earliest fault rule in this table wins.
     */
    public static final List<EligibilityRule> ELIGIBILITY = List.of(
            new EligibilityRule("member id missing", String::isEmpty,
                    Coverage.REJECTED_INVALID_MEMBER_ID, Fault.NONE,
                    "271 with AAA*N**72*C in 2100C (invalid/missing member id), no benefits"),
            new EligibilityRule("member id ends in 98", id -> id.endsWith("98"),
                    Coverage.ACTIVE, Fault.PAYER_UNAVAILABLE,
                    "HTTP 503, problem body, Retry-After: 30 (payer unavailable)"),
            new EligibilityRule("member id ends in 97", id -> id.endsWith("97"),
                    Coverage.ACTIVE, Fault.SLOW_ANSWER,
                    "waits sandbox.slow-delay (default 10s), then the active answer"),
            new EligibilityRule("member id ends in 96", id -> id.endsWith("96"),
                    Coverage.ACTIVE, Fault.MALFORMED_ANSWER,
                    "HTTP 200 with a 271 cut off before SE/GE/IEA: not valid X12"),
            new EligibilityRule("member id ends in 00", id -> id.endsWith("00"),
                    Coverage.INACTIVE, Fault.NONE,
                    "271 with EB*6 (inactive), no benefits"),
            new EligibilityRule("member id ends in 99", id -> id.endsWith("99"),
                    Coverage.REJECTED_INVALID_MEMBER_ID, Fault.NONE,
                    "271 with AAA*N**72*C in 2100C (invalid/missing member id), no benefits"),
            new EligibilityRule("any other member id", id -> true,
                    Coverage.ACTIVE, Fault.NONE,
                    "271 with EB*1, plan Jan 1 – Dec 31 of the service date's year, and the active benefits"));

    /**
     * Claim acknowledgement, 837 → 277CA, per claim (CLM), keyed on the claim's first diagnosis code (the
     * HI segment's first code): the first rule that holds decides. Tests elsewhere rely on R69 → A7.
     */
    public static final List<ClaimRule> CLAIM_ACKNOWLEDGEMENT = List.of(
            new ClaimRule("first diagnosis is R69", code -> code.equals("R69"), "A7", "21",
                    "277CA STC*A7:21 (rejected: missing or invalid information), no payer claim number"),
            new ClaimRule("any other well-formed claim", code -> true, "A2", "20",
                    "277CA STC*A2:20 (accepted for processing) with REF*1K payer claim control number"));

    /** Allowed amount of a paid line: this share of what it is paid on (its charge, for a primary claim). */
    public static final BigDecimal ALLOWED_SHARE = new BigDecimal("0.80");
    /** PR-3 copay taken from line 1 under {@link RemittanceRule.PatientShare#COPAY_ON_LINE_1}. */
    public static final BigDecimal COPAY = new BigDecimal("25.00");
    /** PR-2 coinsurance rate under {@link RemittanceRule.PatientShare#COINSURANCE}. */
    public static final BigDecimal COINSURANCE = new BigDecimal("0.20");
    /** PR-1 deductible taken from line 1 under {@link RemittanceRule.PatientShare#DEDUCTIBLE_ON_LINE_1}. */
    public static final BigDecimal DEDUCTIBLE = new BigDecimal("50.00");
    /** PLB L6 interest paid with a claim under {@link RemittanceRule.Outcome#PAID_WITH_INTEREST}. */
    public static final BigDecimal INTEREST = new BigDecimal("1.25");
    /**
     * The sandbox payer's documented contract rates (what a practice's fee schedule for the sandbox payer would say):
     * under {@link RemittanceRule.Outcome#PAID_BELOW_CONTRACT} a line of one of these codes is allowed
     * {@link #UNDERPAID_SHARE} of its rate instead of {@link #ALLOWED_SHARE} of its charge.
     */
    public static final java.util.Map<String, BigDecimal> CONTRACT_RATES = java.util.Map.of("99211", new BigDecimal("50.00"));
    /** The share of the contract rate the sandbox allows a contracted code under PAID_BELOW_CONTRACT (50.00 → 45.00). */
    public static final BigDecimal UNDERPAID_SHARE = new BigDecimal("0.90");
    /** CARC of the denial of a claim the payer has already adjudicated (CO-18, exact duplicate). */
    public static final String DUPLICATE_CLAIM_REASON = "18";

    /**
     * Remittance, accepted claim → 835, keyed on the claim's first procedure code: the first rule that holds
     * decides. A claim whose submitter and CLM01 were already adjudicated is denied CO-18 whatever its code.
     */
    public static final List<RemittanceRule> REMITTANCE = List.of(
            new RemittanceRule("first procedure code 99202", code -> code.equals("99202"),
                    RemittanceRule.Outcome.DENIED, RemittanceRule.PatientShare.NONE, "197",
                    "denied: CLP02 4, CLP04 0, every line CAS*CO*197 (precertification/authorization absent) "
                            + "for its full charge"),
            new RemittanceRule("first procedure code 99203", code -> code.equals("99203"),
                    RemittanceRule.Outcome.PARTLY_PAID, RemittanceRule.PatientShare.NONE, "97",
                    "partly paid: CLP02 1; line 1 paid 80 % (CO-45 the rest); every other line CAS*CO*97 "
                            + "(included in another service's payment) for its full charge, SVC03 0"),
            new RemittanceRule("first procedure code 99204", code -> code.equals("99204"),
                    RemittanceRule.Outcome.PAID_THEN_REVERSED, RemittanceRule.PatientShare.NONE, null,
                    "paid 80 % (CO-45 the rest) in the first run; the next run's 835 carries only its "
                            + "reversal: CLP02 22, every amount and CAS negated, the same CLP07"),
            new RemittanceRule("first procedure code 99205", code -> code.equals("99205"),
                    RemittanceRule.Outcome.PAID_WITH_INTEREST, RemittanceRule.PatientShare.NONE, null,
                    "paid 80 % (CO-45 the rest), and PLB*<NPI>*<Dec 31>*L6:<CLM01>*-1.25 "
                            + "(1.25 interest paid to the provider)"),
            new RemittanceRule("first procedure code 99213", code -> code.equals("99213"),
                    RemittanceRule.Outcome.PAID, RemittanceRule.PatientShare.COPAY_ON_LINE_1, null,
                    "paid 80 % (CO-45 the rest), less CAS*PR*3 copay 25.00 on line 1"),
            new RemittanceRule("first procedure code 99214", code -> code.equals("99214"),
                    RemittanceRule.Outcome.PAID, RemittanceRule.PatientShare.COINSURANCE, null,
                    "paid 80 % (CO-45 the rest), less CAS*PR*2 coinsurance of 20 % of every line's allowed"),
            new RemittanceRule("first procedure code 99215", code -> code.equals("99215"),
                    RemittanceRule.Outcome.PAID, RemittanceRule.PatientShare.DEDUCTIBLE_ON_LINE_1, null,
                    "paid 80 % (CO-45 the rest), less CAS*PR*1 deductible 50.00 on line 1"),
            new RemittanceRule("first procedure code 99211", code -> code.equals("99211"),
                    RemittanceRule.Outcome.PAID_BELOW_CONTRACT, RemittanceRule.PatientShare.NONE, null,
                    "underpaid: every 99211 line allowed 90 % of the sandbox contract rate 50.00 = 45.00 (at most its "
                            + "charge; CO-45 the rest), other lines 80 % of their charge; no patient responsibility"),
            new RemittanceRule("any other first procedure code", code -> true,
                    RemittanceRule.Outcome.PAID, RemittanceRule.PatientShare.NONE, null,
                    "paid 80 % (CO-45 the rest), no patient responsibility"));

    /** A 276 naming this payer id (NM1*PR NM109) is answered HTTP 503 (payer unavailable), for outage tests. */
    public static final String STATUS_UNAVAILABLE_PAYER_ID = "SBX503";

    /**
     * Claim status, 276 → 277, per claim asked about (its submitter and REF*EJ patient control number), keyed on
     * what the sandbox knows of the claim and its first procedure code: the first rule that holds decides.
     */
    public static final List<StatusRule> CLAIM_STATUS = List.of(
            new StatusRule("not known (never accepted for this submitter and CLM01)",
                    (state, code) -> state == StatusRule.ClaimState.UNKNOWN, "A4", "35", false,
                    "STC*A4:35 (not found: claim/encounter not found), no amounts"),
            new StatusRule("pending, first procedure code 99202",
                    (state, code) -> state == StatusRule.ClaimState.PENDING && code.equals("99202"), "P3", "21", false,
                    "STC*P3:21 (pending, provider requested information: missing or invalid information) — the "
                            + "authorization the 835 will deny it for (CO-197)"),
            new StatusRule("pending, any other",
                    (state, code) -> state == StatusRule.ClaimState.PENDING, "P1", "20", false,
                    "STC*P1:20 (pending, in process: accepted for processing)"),
            new StatusRule("adjudicated with a payment",
                    (state, code) -> state == StatusRule.ClaimState.PAID, "F1", "65", true,
                    "STC*F1:65 (finalized, payment: claim/line has been paid), STC04 charge, STC05 paid (CLP04), "
                            + "STC06 the run's date"),
            new StatusRule("adjudicated, nothing paid",
                    (state, code) -> state == StatusRule.ClaimState.DENIED, "F2", "1", true,
                    "STC*F2:1 (finalized, denial: see remittance advice), STC04 charge, STC05 0, STC06 the run's date"),
            new StatusRule("paid, then reversed",
                    (state, code) -> state == StatusRule.ClaimState.REVERSED, "F3", "101", true,
                    "STC*F3:101 (finalized, revised: processed as adjustment to previous claim), STC04 charge, "
                            + "STC05 0, STC06 the reversing run's date"));

    private SandboxRules() {
    }

    /** The claim status rule for what is known of a claim; the table covers every state. */
    public static StatusRule statusRuleFor(StatusRule.ClaimState state, String firstProcedureCode) {
        return CLAIM_STATUS.stream().filter(rule -> rule.appliesTo(state, firstProcedureCode)).findFirst().orElseThrow();
    }

    /** The remittance rule for a claim's first procedure code; the last rule matches anything. */
    public static RemittanceRule remittanceRuleFor(String firstProcedureCode) {
        return REMITTANCE.stream().filter(rule -> rule.appliesTo(firstProcedureCode)).findFirst().orElseThrow();
    }

    /** The claim acknowledgement rule for a claim's first diagnosis; the last rule matches anything. */
    public static ClaimRule claimRuleFor(String firstDiagnosis) {
        return CLAIM_ACKNOWLEDGEMENT.stream().filter(rule -> rule.appliesTo(firstDiagnosis)).findFirst().orElseThrow();
    }

    /** The rule that decides for this member id; the last rule matches anything, so there always is one. */
    public static EligibilityRule eligibilityRuleFor(String memberId) {
        return ELIGIBILITY.stream().filter(rule -> rule.appliesTo(memberId)).findFirst().orElseThrow();
    }
}
