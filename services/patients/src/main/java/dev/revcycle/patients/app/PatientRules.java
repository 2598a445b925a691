package dev.revcycle.patients.app;

import dev.revcycle.common.problem.Problem.FieldError;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.patients.domain.Demographics;
import java.time.LocalDate;
import java.util.List;

final class PatientRules {
    private PatientRules() {
    }

    /** The normalised demographics, or a 400 naming every offending field. */
    static Demographics checked(Demographics input, LocalDate today) {
        Demographics d = input.normalized();
        List<FieldError> errors = d.violations(today);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return d;
    }
}
