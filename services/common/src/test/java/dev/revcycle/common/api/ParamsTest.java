package dev.revcycle.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.problem.ProblemException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParamsTest {
    enum Color { RED, GREEN }

    private static String fieldOf(Throwable e) {
        return ((ProblemException) e).problem().getErrors().get(0).field();
    }

    @Test
    void readsDatesUuidsAndEnumsOrNamesTheParameter() {
        assertThat(Params.date("dateOfBirth", " 1984-03-09 ")).isEqualTo(LocalDate.of(1984, 3, 9));
        assertThat(Params.date("dateOfBirth", "")).isNull();
        assertThatThrownBy(() -> Params.date("dateOfBirth", "2023-02-30")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("dateOfBirth"));
        UUID id = UUID.randomUUID();
        assertThat(Params.uuid("patientId", id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> Params.requiredUuid("patientId", null)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("patientId"));
        assertThatThrownBy(() -> Params.uuid("patientId", "nope")).isInstanceOf(ProblemException.class);
        assertThat(Params.enumValue("color", "green", Color.class)).isEqualTo(Color.GREEN);
        assertThatThrownBy(() -> Params.enumValue("color", "blue", Color.class)).hasMessageContaining("[RED, GREEN]");
    }

    @Test
    void readsWholeNumbersOrNamesTheParameter() {
        assertThat(Params.integer("size", " 20 ")).isEqualTo(20);
        assertThat(Params.integer("size", "-3")).isEqualTo(-3);
        assertThat(Params.integer("size", "")).isNull();
        for (String bad : new String[] {"abc", "2.5", "1e3", "0x10", "+", "20 5", "99999999999"}) {
            assertThatThrownBy(() -> Params.integer("size", bad)).as(bad)
                    .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("size"));
        }
    }

    @Test
    void ifMatchCarriesTheVersion() {
        assertThat(Params.ifMatchVersion("\"3\"")).isEqualTo(3L);
        assertThat(Params.ifMatchVersion("W/\"12\"")).isEqualTo(12L);
        assertThat(Params.ifMatchVersion("*")).isNull();
        assertThat(Params.ifMatchVersion(null)).isNull();
        assertThatThrownBy(() -> Params.ifMatchVersion("\"abc\"")).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("If-Match"));
    }
}
