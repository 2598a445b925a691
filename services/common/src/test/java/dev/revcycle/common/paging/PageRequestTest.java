package dev.revcycle.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    @Test
    void defaultsAndCaps() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(3, 1000)).isEqualTo(new PageRequest(3, 200));
        assertThat(PageRequest.of(3, 50).offset()).isEqualTo(150);
    }

    @Test
    void refusesNegativePagesAndEmptySizes() {
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().getErrors()).extracting("field").containsExactly("page"));
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(ProblemException.class);
    }
}
