package dev.revcycle.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.domain.NotFound;
import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentCallerTest {
    @Test
    void practicesComeFromAnArrayOrAListAndOnlyValidCodesCount() {
        assertThat(CurrentCaller.practices(Json.createArrayBuilder().add("p1").add("north-clinic").add("Bad Code!").build()))
                .containsExactly("p1", "north-clinic");
        assertThat(CurrentCaller.practices(List.of("p2"))).containsExactly("p2");
        assertThat(CurrentCaller.practices("p1, p2")).containsExactly("p1", "p2");
        assertThat(CurrentCaller.practices(null)).isEmpty();
    }

    @Test
    void anotherPracticesRecordIsNotFound() {
        Caller caller = new Caller("desk-1", Set.of(Roles.REGISTRAR), Set.of("p1"));
        caller.requirePractice("p1", "Patient");
        assertThatThrownBy(() -> caller.requirePractice("p2", "Patient")).isInstanceOf(NotFound.class)
                .hasMessage("Patient not found");
        assertThat(caller.canSee(null)).isFalse();
    }

    @Test
    void aListCoversTheCallersPracticesOrTheOneAskedForIfTheCallerSeesIt() {
        Caller caller = new Caller("desk-1", Set.of(Roles.REGISTRAR), Set.of("p1", "p2"));
        assertThat(caller.practicesWithin(null)).containsExactlyInAnyOrder("p1", "p2");
        assertThat(caller.practicesWithin("p2")).containsExactly("p2");
        assertThat(caller.practicesWithin("p3")).isEmpty();
    }
}
