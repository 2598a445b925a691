package dev.revcycle.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.common.events.EventJson.MalformedEventException;
import dev.revcycle.contracts.CloudEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFieldsTest {
    private static final CloudEvent<JsonNode> EVENT = new CloudEvent<>("1.0", "e-1", "revcycle/test", "Happened",
            null, null, null, null);

    @Test
    void returnsWhatIsThere() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(EventFields.version(3, EVENT)).isEqualTo(3);
        assertThat(EventFields.id(id, EVENT)).isEqualTo(id);
        assertThat(EventFields.practice("p-1", EVENT)).isEqualTo("p-1");
        assertThat(EventFields.amount(new BigDecimal("25"), EVENT)).isEqualByComparingTo("25.00")
                .hasToString("25.00");
        assertThat(EventFields.date(LocalDate.of(2026, 3, 5), EVENT)).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void namesTheTypeAndWhatIsMissingNeverTheValue() {
        assertThatThrownBy(() -> EventFields.version(0, EVENT)).isInstanceOf(MalformedEventException.class)
                .hasMessage("Happened without a version");
        assertThatThrownBy(() -> EventFields.id(null, EVENT)).hasMessage("Happened without an id it needs");
        assertThatThrownBy(() -> EventFields.practice(" ", EVENT)).hasMessage("Happened without a practice");
        assertThatThrownBy(() -> EventFields.amount(new BigDecimal("10.005"), EVENT))
                .hasMessage("Happened without an amount of at most two decimals");
        assertThatThrownBy(() -> EventFields.amount(null, EVENT))
                .hasMessage("Happened without an amount of at most two decimals");
        assertThatThrownBy(() -> EventFields.date(null, EVENT)).hasMessage("Happened without its date");
    }
}
