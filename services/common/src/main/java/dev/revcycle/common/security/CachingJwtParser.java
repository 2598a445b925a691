package dev.revcycle.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The JWT parser Quarkus's bearer-token check uses, in every service: SmallRye's own verifier
 * behind {@link VerifiedTokens}, so a token is verified once for its lifetime.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends VerifiedTokens {

    @Inject
    public CachingJwtParser(DefaultJWTParser verifier) {
        super(verifier, Clock.systemUTC());
    }

    /** For CDI's client proxy only. */
    protected CachingJwtParser() {
        super(null, Clock.systemUTC());
    }
}
