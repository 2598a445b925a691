package dev.revcycle.common.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    public static final String REGISTRAR = "registrar";
    public static final String BILLER = "biller";
    public static final String POSTER = "poster";
    public static final String COLLECTOR = "collector";
    public static final String PAYMENT_PARTNER = "payment-partner";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
