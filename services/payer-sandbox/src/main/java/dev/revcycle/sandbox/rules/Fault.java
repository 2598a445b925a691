package dev.revcycle.sandbox.rules;

/** A failure the sandbox injects on purpose, so callers can test how they cope with a misbehaving payer. */
public enum Fault {
    /** Answer normally. */
    NONE,
    /** HTTP 503 with a problem body and Retry-After, as a clearinghouse does when the payer is down. */
    PAYER_UNAVAILABLE,
    /** Wait {@code sandbox.slow-delay} (default 10s) before answering normally: longer than any sane client timeout. */
    SLOW_ANSWER,
    /** HTTP 200 whose body is not a valid X12 interchange (a 271 cut off before its SE/GE/IEA trailers). */
    MALFORMED_ANSWER
}
