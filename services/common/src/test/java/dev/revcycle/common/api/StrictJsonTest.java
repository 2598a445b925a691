package dev.revcycle.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.problem.ProblemMappers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each rule of {@link StrictJson} on a mapper set up as Quarkus sets up the REST one (java.time module,
 * then the customizer), and the 400 problem the REST layer makes of each refusal.
 */
class StrictJsonTest {
    enum Kind { COMMERCIAL, MEDICARE }

    record Address(String line1, LocalDate since) {
    }

    record Sample(LocalDate dateOfBirth, Instant at, OffsetDateTime when, Integer timelyFilingDays, int count,
            Long version, String name, Boolean active, boolean flag, BigDecimal amount, Kind kind, Address address,
            List<String> codes) {
    }

    private static final ObjectMapper MAPPER = rest();

    private static ObjectMapper rest() {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private static Sample read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, Sample.class);
    }

    /** The problem the REST layer answers for this body. */
    private static Problem problemFor(String json) {
        try {
            read(json);
        } catch (JsonProcessingException e) {
            return (Problem) new ProblemMappers().unreadable(e).getEntity();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void wellTypedValuesAreRead() throws Exception {
        Sample sample = read("""
                {"dateOfBirth":"1984-03-09","at":"2026-03-05T10:15:30Z","when":"2026-03-05T10:15:30-05:00",
                 "timelyFilingDays":365,"count":2,"version":3,"name":"Ana","active":true,"flag":false,
                 "amount":12.50,"kind":"MEDICARE","address":{"line1":"12 Main St","since":"2020-01-31"},
                 "codes":["30","1"]}""");
        assertThat(sample.dateOfBirth()).isEqualTo(LocalDate.of(1984, 3, 9));
        assertThat(sample.at()).isEqualTo(Instant.parse("2026-03-05T10:15:30Z"));
        assertThat(sample.timelyFilingDays()).isEqualTo(365);
        assertThat(sample.amount()).isEqualByComparingTo("12.50");
        assertThat(sample.kind()).isEqualTo(Kind.MEDICARE);
        assertThat(sample.address().since()).isEqualTo(LocalDate.of(2020, 1, 31));
        // an integer is a valid amount; nulls stay nulls
        assertThat(read("{\"amount\":12,\"name\":null,\"dateOfBirth\":null}").amount()).isEqualByComparingTo("12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "19840309", "5000.5", "[1984,3,9]", "[]", "true", "{}", "\"\""})
    void aDateIsOnlyAnIsoString(String value) {
        Problem problem = problemFor("{\"dateOfBirth\":" + value + "}");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).containsExactly(
                new Problem.FieldError("dateOfBirth", "must be a real date in the form YYYY-MM-DD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1772705730", "1772705730.5", "[2026,3,5,10,15]"})
    void aMomentIsOnlyAnIsoString(String value) {
        assertThat(problemFor("{\"at\":" + value + "}").getErrors()).extracting("field").containsExactly("at");
        assertThat(problemFor("{\"when\":" + value + "}").getErrors()).extracting("field").containsExactly("when");
    }

    @Test
    void aNestedDateIsNamedByItsPath() {
        assertThat(problemFor("{\"address\":{\"since\":18000}}").getErrors()).extracting("field")
                .containsExactly("address.since");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timelyFilingDays|365.7", "timelyFilingDays|365.0", "timelyFilingDays|\"365\"", "timelyFilingDays|true",
            "timelyFilingDays|\"\"", "count|2.5", "count|\"2\"", "version|\"3\"", "version|3.5"})
    void anIntegerIsOnlyAJsonInteger(String field, String value) {
        Problem problem = problemFor("{\"" + field + "\":" + value + "}");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).containsExactly(new Problem.FieldError(field, "must be a whole number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"12.50\"", "\"12\"", "true", "\"\""})
    void moneyIsAJsonNumberNeverAString(String value) {
        assertThat(problemFor("{\"amount\":" + value + "}").getErrors())
                .containsExactly(new Problem.FieldError("amount", "must be a number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "4.2", "true", "false"})
    void aStringIsOnlyAJsonString(String value) {
        assertThat(problemFor("{\"name\":" + value + "}").getErrors())
                .containsExactly(new Problem.FieldError("name", "must be a string"));
        assertThat(problemFor("{\"codes\":[" + value + "]}").getErrors()).extracting("field").containsExactly("codes[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "\"true\"", "\"\"", "1.0"})
    void aBooleanIsOnlyTrueOrFalse(String value) {
        assertThat(problemFor("{\"active\":" + value + "}").getErrors())
                .containsExactly(new Problem.FieldError("active", "must be true or false"));
        assertThat(problemFor("{\"flag\":" + value + "}").getErrors()).extracting("field").containsExactly("flag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "\"\"", "\"medicare\""})
    void anEnumIsOnlyItsName(String value) {
        assertThat(problemFor("{\"kind\":" + value + "}").getErrors())
                .containsExactly(new Problem.FieldError("kind", "must be one of [COMMERCIAL, MEDICARE]"));
    }

    @Test
    void aKeyTwiceIsRefusedAndNamed() {
        Problem problem = problemFor("{\"name\":\"Ana\",\"timelyFilingDays\":30,\"name\":\"Bob\"}");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).containsExactly(new Problem.FieldError("name", "is given more than once"));
        assertThat(problemFor("{\"address\":{\"line1\":\"a\",\"line1\":\"b\"}}").getErrors())
                .containsExactly(new Problem.FieldError("address.line1", "is given more than once"));
        // also where the body is read as a tree first (a merge patch)
        assertThatThrownBy(() -> MAPPER.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThat(problemFor("{\"nmae\":\"Ana\"}").getErrors())
                .containsExactly(new Problem.FieldError("nmae", "is not a known field"));
    }

    @Test
    void theProblemNeverQuotesTheValue() {
        Problem problem = problemFor("{\"name\":123456789}");
        assertThat(problem.getDetail()).doesNotContain("123456789");
        assertThat(problem.getErrors().toString()).doesNotContain("123456789");
    }

    @Test
    void aTreeBindsAsStrictlyAsABody() {
        // merge patches are merged as trees and then bound: the same rules hold
        JsonNode tree = MAPPER.createObjectNode().put("dateOfBirth", 12345);
        assertThatThrownBy(() -> MAPPER.treeToValue(tree, Sample.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theJavaTimeModuleIgnoresCoercionSettingsWhichIsWhyStrictJsonWrapsIt() throws Exception {
        // Jackson's coercion settings alone: java.time still reads epoch days and arrays
        ObjectMapper coercionOnly = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        coercionOnly.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.DateTime)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        assertThat(coercionOnly.readValue("{\"dateOfBirth\":[1984,3,9]}", Sample.class).dateOfBirth())
                .isEqualTo(LocalDate.of(1984, 3, 9));
        assertThat(coercionOnly.readValue("{\"at\":1772705730}", Sample.class).at())
                .isEqualTo(Instant.ofEpochSecond(1772705730));
    }

    @Test
    void withoutTheStrictRulesJacksonWouldHaveAcceptedAll() throws Exception {
        // guards the test itself: these are the inputs Jackson's defaults accept silently
        ObjectMapper lenient = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Sample sample = lenient.readValue("""
                {"dateOfBirth":19840309,"timelyFilingDays":365.7,"count":"2","name":42,"amount":"12.50",
                 "name":"Bob"}""", Sample.class);
        assertThat(sample.dateOfBirth().getYear()).isEqualTo(56290);
        assertThat(sample.timelyFilingDays()).isEqualTo(365);
        assertThat(sample.name()).isEqualTo("Bob");
    }
}
