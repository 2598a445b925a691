package dev.revcycle.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's field cipher, keyed by {@code revcycle.phi.encryption-key} (base64 of 32 random
 * bytes; a secret, supplied by the environment). A service that stores encrypted fields fails at
 * start without it.
 */
@ApplicationScoped
public class FieldCipherProducer {
    @ConfigProperty(name = "revcycle.phi.encryption-key")
    Optional<String> key;

    @Produces
    @Singleton
    FieldCipher fieldCipher() {
        return FieldCipher.fromBase64(key.orElseThrow(() -> new IllegalStateException(
                "revcycle.phi.encryption-key (REVCYCLE_PHI_ENCRYPTION_KEY) is not set")));
    }
}
