package dev.revcycle.contracts;

/** Kafka topic names: one topic per producing service; the record key is the aggregate id. */
public final class Topics {
    public static final String PATIENTS = "revcycle.patients.events.v1";
    public static final String ELIGIBILITY = "revcycle.eligibility.events.v1";
    public static final String CLAIMS = "revcycle.claims.events.v1";
    public static final String PAYMENTS = "revcycle.payments.events.v1";
    public static final String COLLECTIONS = "revcycle.collections.events.v1";

    private Topics() {
    }

    /** The dead-letter topic of one consuming service: poison events land here with the reason. */
    public static String deadLetter(String consumingService) {
        return "revcycle." + consumingService + ".dlq.v1";
    }

    /**
     * Where {@code ./revcycle dlq <service> --replay} puts dead letters back: the consuming service
     * reads it beside the topics it consumes, so a replayed event takes the normal path (and only
     * that service sees it again).
     */
    public static String replay(String consumingService) {
        return "revcycle." + consumingService + ".replay.v1";
    }
}
