package dev.revcycle.sandbox.rules;

/** What the 271 says about one subscriber. */
public enum Coverage {
    /** EB*1 with plan dates and {@link SandboxRules#ACTIVE_BENEFITS}. */
    ACTIVE,
    /** EB*6: coverage inactive. */
    INACTIVE,
    /** AAA*N**72*C in the subscriber loop (2100C), no benefits: invalid or missing member id. */
    REJECTED_INVALID_MEMBER_ID
}
