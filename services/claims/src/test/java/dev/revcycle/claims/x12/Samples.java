package dev.revcycle.claims.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The third-party samples in {@code /x12/samples} of the test classpath (with their licence and README). */
final class Samples {
    private Samples() {
    }

    static String sample(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/x12/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the test classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
