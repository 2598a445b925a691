package dev.revcycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks an event against its JSON Schemas in shared-contracts: the envelope, then its data. */
public final class EventSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://revcycle.dev/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** @param service the producing service, e.g. {@code patients} */
    public static void assertValid(String service, JsonNode event) {
        check("https://revcycle.dev/schemas/cloudevent.schema.json", event);
        String type = event.path("type").asText();
        check("https://revcycle.dev/schemas/" + service + "/" + type + ".schema.json", event.path("data"));
    }

    public static Set<String> violations(String schemaId, JsonNode node) {
        JsonSchema schema = FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(schemaId), CONFIG);
        return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static void check(String schemaId, JsonNode node) {
        Set<String> problems = violations(schemaId, node);
        if (!problems.isEmpty()) {
            throw new AssertionError("does not match " + schemaId + ": " + problems);
        }
    }
}
