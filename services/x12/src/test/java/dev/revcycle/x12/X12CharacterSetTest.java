package dev.revcycle.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class X12CharacterSetTest {

    @ParameterizedTest
    @ValueSource(strings = {"Sandbox Health", "BLUE CROSS BLUE SHIELD OF ILLINOIS", "Aetna Better Health (IL)",
            "O'Brien & Sons, Inc.", "Plan #4 / 50% co-ins; \"Gold\" = yes? [a] {b} <c> _d_ \\e | f $5 @g !",
            "SBX01", "12345-6789"})
    void acceptsTheBasicAndExtendedCharacterSets(String text) {
        assertThat(X12CharacterSet.isValid(text)).isTrue();
        assertThat(X12CharacterSet.transliterate(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Health 😀", "José Health", "Müller", "Straße", "北京", "Tab\there", "Line\nbreak",
            "A*B", "A~B", "A:B", "A^B", "curly ’quote’", "en–dash", "\u0000", "\u00A0"})
    void refusesEverythingElseAndTheDelimiters(String text) {
        assertThat(X12CharacterSet.isValid(text)).isFalse();
    }

    @Test
    void nullIsNotValidText() {
        assertThat(X12CharacterSet.isValid(null)).isFalse();
        assertThat(X12CharacterSet.transliterate(null)).isNull();
    }

    @Test
    void delimitersAreThoseOfTheInterchange() {
        Delimiters pipes = new Delimiters('~', '|', '>', '^');
        assertThat(X12CharacterSet.isValid("A*B:C", pipes)).isTrue();
        assertThat(X12CharacterSet.isValid("A|B", pipes)).isFalse();
        assertThat(X12CharacterSet.isValid("A>B", pipes)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "José Müller|Jose Muller",
            "JOSÉ MÜLLER|JOSE MULLER",
            "François Lefèvre-Ñúñez|Francois Lefevre-Nunez",
            "Ångström Ærøskøbing|Angstrom AEroskobing",
            "Straße|Strasse",
            "STRAßE|STRASSE",
            "Œuvre Łódź|OEuvre Lodz",
            "O’Brien|O'Brien",
            "Smith–Jones|Smith-Jones",
            "Ｆｕｌｌ ｗｉｄｔｈ|Full width",
            "ﬁne|fine",
            "Zoë 😀 Smith|Zoe Smith",
            "Anne\u00A0Marie|Anne Marie",
            "A*B|A B",
            "北京 Clinic|Clinic"})
    void transliteratesToTheNearestTextInTheSet(String given, String written) {
        String result = X12CharacterSet.transliterate(given);
        assertThat(result).isEqualTo(written);
        assertThat(X12CharacterSet.isValid(result)).isTrue();
    }

    @Test
    void theWriterTransliteratesEveryBodyValueItWrites() {
        X12Writer writer = new X12Writer(new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYER", UsageIndicator.TEST),
                Clock.fixed(Instant.parse("2026-03-05T14:07:00Z"), ZoneOffset.UTC));
        OutgoingGroup group = new OutgoingGroup("HS", "REVCYCLE", "PAYER", 1, "005010X279A1",
                List.of(new OutgoingTransaction("270", List.of(
                        Segment.of("NM1", "IL", "1", "Müller", "José", null, null, null, "MI", "M123"),
                        Segment.builder("N3").element("Straße 5").build(),
                        Segment.builder("N4").composite("Zürich", "ZH").build()))));

        String x12 = writer.write(1, group);

        assertThat(x12).contains("NM1*IL*1*Muller*Jose****MI*M123~").contains("N3*Strasse 5~").contains("N4*Zurich:ZH~");
        assertThat(x12.chars().allMatch(c -> c < 128)).as("only ASCII").isTrue();
    }

    @Test
    void theWriterStillRefusesADelimiterInAValue() {
        X12Writer writer = new X12Writer(new InterchangeSettings("ZZ", "REVCYCLE", "ZZ", "PAYER", UsageIndicator.TEST),
                Clock.systemUTC());
        OutgoingGroup group = new OutgoingGroup("HS", "REVCYCLE", "PAYER", 1, "005010X279A1",
                List.of(new OutgoingTransaction("270", List.of(Segment.of("NM1", "IL", "1", "O*Brien")))));
        assertThatThrownBy(() -> writer.write(1, group)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NM103 contains an X12 delimiter");
    }
}
