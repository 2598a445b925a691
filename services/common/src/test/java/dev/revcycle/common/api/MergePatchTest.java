package dev.revcycle.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class MergePatchTest {
    record Address(String line1, String line2, String city) {
    }

    record Person(String name, String phone, Address address) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ObjectNode patch(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void replacesRemovesAndMergesNestedObjects() throws Exception {
        Person current = new Person("Ana", "2175550100", new Address("12 Main St", "Apt 4", "Springfield"));
        Person patched = MergePatch.apply(json, current,
                patch("{\"phone\": null, \"address\": {\"line2\": null, \"city\": \"Chicago\"}}"), Person.class);
        assertThat(patched).isEqualTo(new Person("Ana", null, new Address("12 Main St", null, "Chicago")));
    }

    @Test
    void anEmptyPatchChangesNothing() throws Exception {
        Person current = new Person("Ana", null, null);
        assertThat(MergePatch.apply(json, current, patch("{}"), Person.class)).isEqualTo(current);
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsUnreadableAndANonObjectIsRefused() throws Exception {
        Person current = new Person("Ana", null, null);
        assertThatThrownBy(() -> MergePatch.apply(json, current, patch("{\"nickname\": \"A\"}"), Person.class))
                .isInstanceOf(MergePatch.UnreadablePatchException.class);
        assertThatThrownBy(() -> MergePatch.apply(json, current, patch("{\"address\": [1]}"), Person.class))
                .isInstanceOf(MergePatch.UnreadablePatchException.class);
        assertThatThrownBy(() -> MergePatch.requireObject(json.readTree("[1]"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> MergePatch.requireObject(null)).isInstanceOf(ProblemException.class);
    }
}
