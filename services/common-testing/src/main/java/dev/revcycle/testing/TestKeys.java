package dev.revcycle.testing;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs test tokens, made when the tests start: no private key is ever
 * committed. Kept in system properties because the test resource and the tests may be loaded by
 * different class loaders of the same JVM.
 */
public final class TestKeys {
    private static final String PRIVATE = "revcycle.test.jwt.private-key";
    private static final String PUBLIC = "revcycle.test.jwt.public-key";

    private TestKeys() {
    }

    private static synchronized void ensure() {
        if (System.getProperty(PRIVATE) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM of the public key, for {@code mp.jwt.verify.publickey}. */
    public static String publicKeyPem() {
        ensure();
        return "-----BEGIN PUBLIC KEY-----\n" + System.getProperty(PUBLIC) + "\n-----END PUBLIC KEY-----";
    }

    public static PrivateKey privateKey() {
        ensure();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
