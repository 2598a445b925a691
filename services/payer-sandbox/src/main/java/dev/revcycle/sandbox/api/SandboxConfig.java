package dev.revcycle.sandbox.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sandbox settings, overridable by environment (SANDBOX_SLOW_DELAY=2s …). */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** How long a "slow" answer (member id ending in 97) waits: longer than any sane client timeout. */
    @WithDefault("10s")
    Duration slowDelay();

    /**
     * The clearinghouse mailbox's directory (relative to the working directory; ./revcycle up starts the
     * sandbox in services/payer-sandbox, so the default is the repository's .revcycle/sandbox-mailbox).
     */
    @WithDefault("../../.revcycle/sandbox-mailbox")
    String dataDir();

    /** Retry-After, in seconds, on the simulated 503. */
    @WithDefault("30")
    int retryAfterSeconds();
}
