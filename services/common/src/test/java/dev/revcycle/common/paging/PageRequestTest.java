package dev.revcycle.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {
    private static Problem problemOf(Runnable parse) {
        try {
            parse.run();
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void defaults() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.fromQuery(null, " ")).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.fromQuery(" 3 ", "50")).isEqualTo(new PageRequest(3, 50));
        assertThat(PageRequest.of(3, 50).offset()).isEqualTo(150);
        assertThat(new PageParams("1", "200").request()).isEqualTo(new PageRequest(1, 200));
    }

    @Test
    void theLastReachablePageIsAllowed() {
        // 10,737,418 × 200 = 2,147,483,600: the last offset that still fits
        assertThat(PageRequest.fromQuery("10737418", "200").offset()).isEqualTo(2_147_483_600);
        assertThat(PageRequest.fromQuery("2147483647", "1").offset()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "abc|-|page|must be a whole number",
            "2.5|-|page|must be a whole number",
            "1e3|-|page|must be a whole number",
            "-|ten|size|must be a whole number",
            "99999999999|-|page|must be a whole number",
            "2147483648|-|page|must be a whole number from -2147483648 to 2147483647",
            "-1|-|page|must be a whole number, 0 or more",
            "-|0|size|must be a whole number from 1 to 200",
            "-|-5|size|must be a whole number from 1 to 200",
            "-|201|size|must be a whole number from 1 to 200",
            "-|1000|size|must be a whole number from 1 to 200",
            "10737419|200|page|is too far: page × size must not exceed 2147483647",
            "2147483647|2|page|is too far: page × size must not exceed 2147483647"})
    void refusesWhatIsNotAPage(String page, String size, String field, String message) {
        Problem problem = problemOf(() -> PageRequest.fromQuery(page, size));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).containsExactly(new Problem.FieldError(field, message));
    }

    @Test
    void namesBothParametersWhenBothAreWrong() {
        assertThat(problemOf(() -> PageRequest.fromQuery("x", "y")).getErrors()).extracting("field")
                .containsExactly("page", "size");
        assertThatThrownBy(() -> PageRequest.of(-1, 0)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().getErrors()).extracting("field")
                        .containsExactly("page", "size"));
    }
}
