package dev.revcycle.x12;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared X12 samples; CI checks out shared/ beside the repository, so the path is relative to this module. */
final class Samples {

    static final Path DIR = Path.of("../../../shared/samples/x12");

    private Samples() {
    }

    static Path path(String name) {
        Path path = DIR.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("shared sample missing: " + path.toAbsolutePath().normalize());
        }
        return path;
    }
}
