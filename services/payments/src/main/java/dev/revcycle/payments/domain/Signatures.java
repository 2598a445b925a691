package dev.revcycle.payments.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Revcycle-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the partner's secret:
 * valid when the HMAC matches (constant-time compare) and t is within the tolerance of now.
 */
public final class Signatures {
    public static final long TOLERANCE_SECONDS = 300;

    private Signatures() {
    }

    public static String sign(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** @return null when valid, else why not (for the 401's detail; never the expected value) */
    public static String problem(String header, String secret, byte[] body, long nowSeconds) {
        if (header == null || header.isBlank()) {
            return "the request is not signed (Revcycle-Signature missing)";
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return "t is not a unix time";
                }
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return "Revcycle-Signature needs t=<unix seconds>,v1=<hex HMAC-SHA256>";
        }
        if (Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) {
            return "the signature's time is more than " + TOLERANCE_SECONDS + " s from now";
        }
        byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = v1.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : "the signature does not match";
    }
}
