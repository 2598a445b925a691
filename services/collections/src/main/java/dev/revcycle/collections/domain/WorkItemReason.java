package dev.revcycle.collections.domain;

/** Why an account is in the work queue, in priority order (the first is worked first), and what to do next. */
public enum WorkItemReason {
    LAPSED_PLAN("Call the guarantor to renegotiate the lapsed payment plan"),
    BROKEN_PROMISE("Call the guarantor: the promised payment did not arrive by its date"),
    READY_FOR_PLACEMENT("Final notice sent and placement age reached: place with the agency or call once more"),
    FINAL_NOTICE_SENT("Final notice sent: call the guarantor before the account is placed"),
    OVER_90_DAYS("Balance over 90 days: call the guarantor and offer a payment plan");

    private final String nextAction;

    WorkItemReason(String nextAction) {
        this.nextAction = nextAction;
    }

    public String nextAction() {
        return nextAction;
    }

    /** 1 for the reasons worked first (lapsed plans, broken promises), 2 for the rest. */
    public int tier() {
        return this == LAPSED_PLAN || this == BROKEN_PROMISE ? 1 : 2;
    }
}
