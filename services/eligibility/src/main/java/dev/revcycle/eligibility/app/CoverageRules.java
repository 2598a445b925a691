package dev.revcycle.eligibility.app;

import dev.revcycle.common.problem.Problem.FieldError;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.eligibility.domain.CoverageTerms;
import java.time.LocalDate;
import java.util.List;

final class CoverageRules {
    private CoverageRules() {
    }

    /** The normalised terms, or a 400 naming every offending field. */
    static CoverageTerms checked(CoverageTerms input, LocalDate today) {
        CoverageTerms terms = input.normalized();
        List<FieldError> errors = terms.violations(today);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return terms;
    }
}
