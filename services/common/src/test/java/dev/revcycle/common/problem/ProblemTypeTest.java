package dev.revcycle.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {
    @Test
    void typesAreStableUris() {
        assertThat(ProblemType.VALIDATION.uri()).hasToString("https://revcycle.dev/problems/validation");
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(502).status()).isEqualTo(500);
    }

    @Test
    void singleFieldProblemNamesTheField() {
        Problem problem = ProblemException.invalid("address.state", "must be a US state code").problem();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("address.state: must be a US state code");
        assertThat(problem.getErrors()).containsExactly(new Problem.FieldError("address.state", "must be a US state code"));
    }
}
