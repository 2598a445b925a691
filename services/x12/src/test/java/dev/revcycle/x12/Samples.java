package dev.revcycle.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The third-party X12 samples, copied into this module's test resources ({@code /x12/samples}, with their
 * licence and README) so that the module's tests need nothing outside the repository.
 */
final class Samples {

    static final String DIR = "/x12/samples/";

    private Samples() {
    }

    /** The sample's text, exactly as written (the samples are ASCII). */
    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("sample missing from the test classpath: " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
