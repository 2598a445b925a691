package dev.revcycle.collections.app;

import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Violations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The practice and date every run, placement and queue asks for: both required, both named when missing. */
final class PracticeDate {
    private PracticeDate() {
    }

    static void require(String practiceId, LocalDate asOf) {
        List<FieldError> errors = new ArrayList<>();
        if (practiceId == null || practiceId.isBlank()) {
            errors.add(new FieldError("practiceId", "is required"));
        }
        if (asOf == null) {
            errors.add(new FieldError("asOf", "is required"));
        }
        Violations.check(errors);
    }
}
