package dev.revcycle.eligibility.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * X12 files on the test classpath: the third-party samples in {@code /x12/samples} (with their licence) and
 * the 271s made for the reader's tests in {@code /x12/271}. Nothing is read from outside the repository.
 */
final class Samples {

    private Samples() {
    }

    /** A third-party sample, e.g. {@code x270_271_x271.txt}. */
    static String sample(String name) {
        return text("/x12/samples/" + name);
    }

    /** A 271 made for one of the reader's rules, e.g. {@code aaa-in-benefit-loop.x12}. */
    static String response(String name) {
        return text("/x12/271/" + name);
    }

    private static String text(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
