package dev.revcycle.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Configures the application under test: trust the test token key. Apply once per service with
 * {@code @QuarkusTestResource(RevcycleTestResource.class)} on any test class.
 */
public class RevcycleTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", TestKeys.publicKeyPem(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
