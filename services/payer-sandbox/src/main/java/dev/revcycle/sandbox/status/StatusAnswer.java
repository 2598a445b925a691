package dev.revcycle.sandbox.status;

/** The sandbox's answer to a 276: the 277, or (payer {@code SBX503}) a simulated outage. */
public record StatusAnswer(String x277, boolean payerUnavailable) {
    @Override
    public String toString() {
        return payerUnavailable ? "StatusAnswer[unavailable]" : "StatusAnswer[277]";
    }
}
