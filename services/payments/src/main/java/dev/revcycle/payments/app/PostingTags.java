package dev.revcycle.payments.app;

import java.util.UUID;

/**
 * What a posting path adds to its entries beyond {@link dev.revcycle.payments.domain.PlannedEntry}: the partner
 * payment they belong to (id, method CARD|CASH|CHECK|ACH|LOCKBOX|AGENCY|ERA, partner) and a kind refining the
 * type (BAD_DEBT, SMALL_BALANCE, CHARITY for write-offs; RECOVERY; PLB …). Any part may be null.
 */
public record PostingTags(UUID paymentId, String method, UUID partnerId, String kind) {
    public static final PostingTags NONE = new PostingTags(null, null, null, null);

    public static PostingTags payment(UUID paymentId, String method, UUID partnerId) {
        return new PostingTags(paymentId, method, partnerId, null);
    }

    public static PostingTags kind(String kind) {
        return new PostingTags(null, null, null, kind);
    }
}
