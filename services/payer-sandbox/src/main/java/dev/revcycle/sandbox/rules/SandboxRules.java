package dev.revcycle.sandbox.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every rule the sandbox answers by, in one place. The README reproduces these tables; change both together.
 *
 * <p>Rules are deterministic and keyed on what a test controls (here, the member id), so a test picks its
 * answer by picking its data. Each transaction has its table here: {@link #ELIGIBILITY} (270 → 271) and
 * {@link #CLAIM_ACKNOWLEDGEMENT} (837 → 277CA); 835 remittances will add theirs.
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

    private SandboxRules() {
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
