package dev.revcycle.contracts;

/** CloudEvent {@code type} values, in the past tense; each has a JSON Schema under {@code schemas/}. */
public final class EventTypes {
    // patients
    public static final String PATIENT_REGISTERED = "PatientRegistered";
    public static final String PATIENT_UPDATED = "PatientUpdated";
    public static final String PATIENT_ADDRESS_UNDELIVERABLE = "PatientAddressUndeliverable";
    public static final String PATIENT_ADDRESS_CORRECTED = "PatientAddressCorrected";
    public static final String PATIENT_MERGED = "PatientMerged";
    public static final String PATIENT_DECEASED = "PatientDeceased";

    // eligibility
    public static final String COVERAGE_ADDED = "CoverageAdded";
    public static final String COVERAGE_CHANGED = "CoverageChanged";
    public static final String COVERAGE_TERMINATED = "CoverageTerminated";
    public static final String ELIGIBILITY_VERIFIED = "EligibilityVerified";

    // claims
    public static final String PROVIDER_REGISTERED = "ProviderRegistered";
    public static final String PROVIDER_CHANGED = "ProviderChanged";
    public static final String CLAIM_CREATED = "ClaimCreated";
    public static final String CLAIM_CHANGED = "ClaimChanged";
    public static final String CLAIM_SUBMITTED = "ClaimSubmitted";
    public static final String CLAIM_ACCEPTED = "ClaimAccepted";
    public static final String CLAIM_REJECTED = "ClaimRejected";
    public static final String CLAIM_VOIDED = "ClaimVoided";
    public static final String CLAIM_REPLACED = "ClaimReplaced";
    public static final String CLAIM_ADJUDICATED = "ClaimAdjudicated";
    public static final String CLAIM_DENIED = "ClaimDenied";
    public static final String CLAIM_APPEALED = "ClaimAppealed";

    // payments (added by the payments service)
    public static final String ACCOUNT_BALANCE_CHANGED = "AccountBalanceChanged";
    public static final String CHARGE_POSTED = "ChargePosted";
    public static final String PAYMENT_POSTED = "PaymentPosted";
    public static final String ADJUSTMENT_POSTED = "AdjustmentPosted";
    public static final String PAYMENT_REVERSED = "PaymentReversed";
    public static final String REFUND_ISSUED = "RefundIssued";
    public static final String REMITTANCE_POSTED = "RemittancePosted";
    public static final String WRITE_OFF_REQUESTED = "WriteOffRequested";
    public static final String WRITE_OFF_REVERSAL_REQUESTED = "WriteOffReversalRequested";

    // collections (WriteOffRequested and WriteOffReversalRequested, which collections publishes, are payments' contracts above)
    public static final String COLLECTION_HOLD_PLACED = "CollectionHoldPlaced";
    public static final String COLLECTION_HOLD_RELEASED = "CollectionHoldReleased";
    // collections (statements, plans, placement: h-collections-b)
    public static final String STATEMENT_ISSUED = "StatementIssued";
    public static final String PAYMENT_PLAN_CREATED = "PaymentPlanCreated";
    public static final String PAYMENT_PLAN_LAPSED = "PaymentPlanLapsed";
    public static final String ACCOUNT_PLACED_WITH_AGENCY = "AccountPlacedWithAgency";
    public static final String ACCOUNT_RECALLED = "AccountRecalled";

    private EventTypes() {
    }
}
