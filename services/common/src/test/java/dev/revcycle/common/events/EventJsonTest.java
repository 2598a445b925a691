package dev.revcycle.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revcycle.contracts.CloudEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {
    record Happened(UUID patientId, LocalDate dateOfDeath, Integer days, BigDecimal copay) {
    }

    private static String event(String data) {
        return """
                {"specversion":"1.0","id":"e-1","source":"revcycle/test","type":"Happened",
                 "time":"2026-03-05T10:15:30Z","datacontenttype":"application/json","data":%s}""".formatted(data);
    }

    private static Happened data(String data) throws EventJson.MalformedEventException {
        return EventJson.data(EventJson.read(event(data)), Happened.class);
    }

    @Test
    void writesAndReadsBackExactly() throws Exception {
        UUID id = UUID.randomUUID();
        Happened payload = new Happened(id, LocalDate.of(2026, 10, 2), 30, new BigDecimal("25.00"));
        String json = EventJson.write(CloudEvent.of("e-1", "revcycle/test", "Happened",
                Instant.parse("2026-03-05T10:15:30Z"), id.toString(), payload));
        assertThat(json).contains("\"dateOfDeath\":\"2026-10-02\"").contains("\"copay\":25.00");
        CloudEvent<JsonNode> read = EventJson.read(json);
        assertThat(read.time()).isEqualTo(Instant.parse("2026-03-05T10:15:30Z"));
        assertThat(EventJson.data(read, Happened.class)).isEqualTo(payload);
    }

    @Test
    void unknownFieldsAreToleratedOnPurpose() throws Exception {
        assertThat(data("{\"dateOfDeath\":\"2026-10-02\",\"addedInAMinorVersion\":true}").dateOfDeath())
                .isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"dateOfDeath\":12345}", "{\"dateOfDeath\":[2026,10,2]}", "{\"days\":30.5}", "{\"days\":\"30\"}",
            "{\"copay\":\"25.00\"}"})
    void aMistypedPayloadIsMalformedNotReadAsSomethingElse(String data) {
        assertThatThrownBy(() -> data(data)).isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessage("Happened data does not match its schema");
    }

    @Test
    void anEnvelopeWithANumericTimeOrADuplicateKeyIsMalformed() {
        assertThatThrownBy(() -> EventJson.read(event("{}").replace("\"2026-03-05T10:15:30Z\"", "1772705730")))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read(event("{}").replace("\"id\":\"e-1\"", "\"id\":\"e-1\",\"id\":\"e-2\"")))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read(event("{\"days\":1,\"days\":2}")))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }
}
