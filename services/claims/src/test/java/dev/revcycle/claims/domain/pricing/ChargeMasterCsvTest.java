package dev.revcycle.claims.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeMasterCsvTest {
    static final String HEADER = "procedureCode,modifier,description,standardCharge,cashPrice,effectiveFrom,effectiveTo\n";

    static List<ChargeMasterCsv.Problem> problems(String csv) {
        try {
            ChargeMasterCsv.parse(csv);
        } catch (ChargeMasterCsv.MalformedCsv e) {
            return e.problems();
        }
        throw new AssertionError("no problem found");
    }

    @Test
    void readsQuotedFieldsCrlfBlankLinesAndColumnsInAnyOrder() {
        ChargeMasterCsv.Parsed p = ChargeMasterCsv.parse("\uFEFFdescription,procedureCode,cashPrice,standardCharge,effectiveFrom\r\n"
                + "\"Office visit, \"\"low\"\"\",99213,95.00,150,2026-01-01\r\n\r\n"
                + "\"Urinalysis\nnon-automated\",81002,12.5,40.00,2026-01-01\r\n");
        assertThat(p.items()).hasSize(2);
        ChargeMasterItem first = p.items().get(0);
        assertThat(first.description()).isEqualTo("Office visit, \"low\"");
        assertThat(first.standardCharge()).isEqualByComparingTo("150.00");
        assertThat(first.modifier()).isEmpty();
        assertThat(first.effectiveTo()).isNull();
        assertThat(p.items().get(1).description()).contains("\n");
        assertThat(p.lines()).containsExactly(2, 4);
    }

    @Test
    void everyProblemNamesItsLineAndColumnAndNoValue() {
        List<ChargeMasterCsv.Problem> found = problems(HEADER
                + "99213,,Visit,150.00,95.00,2026-01-01,\n"
                + "99214,,Visit,$150.00,95.00,2026-13-01,\n"
                + "99215,,,150.00,95.00,2026-01-01,2025-01-01\n"
                + "99213,,Visit again,150.00,95.00,2026-06-01,\n"
                + "99216,,Visit,150.00\n");
        assertThat(found).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "3:standardCharge", "3:effectiveFrom", "6:null", "4:description", "4:effectiveTo", "5:effectiveFrom");
        assertThat(found.get(5).message()).contains("line 2");
        assertThat(found).noneMatch(p -> p.message().contains("$150"));
    }

    @Test
    void aBadHeaderIsRefusedBeforeAnyLine() {
        assertThat(problems("code,description\n99213,Visit\n")).extracting(ChargeMasterCsv.Problem::line,
                ChargeMasterCsv.Problem::column).contains(
                org.assertj.core.groups.Tuple.tuple(1, "column 1"), org.assertj.core.groups.Tuple.tuple(1, "procedureCode"),
                org.assertj.core.groups.Tuple.tuple(1, "standardCharge"));
        assertThat(problems("")).singleElement().extracting(ChargeMasterCsv.Problem::line).isEqualTo(1);
        assertThat(problems(HEADER.replace("cashPrice", "standardCharge"))).anyMatch(p -> p.message().contains("twice"));
    }

    @Test
    void brokenQuotingIsRefusedWithItsLine() {
        assertThat(problems(HEADER + "99213,,\"Visit,150.00,95.00,2026-01-01,\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("never closed"));
        assertThat(problems(HEADER + "99213,,Vis\"it,150.00,95.00,2026-01-01,\n")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void modifiersAndDateRangesAreKept() {
        ChargeMasterCsv.Parsed p = ChargeMasterCsv.parse(HEADER + "99213,25,Visit,165.00,105.00,2026-01-01,2026-06-30\n"
                + "99213,25,Visit,170.00,110.00,2026-07-01,\n");
        assertThat(p.items()).extracting(ChargeMasterItem::modifier).containsOnly("25");
        assertThat(ChargeMaster.effective(p.items(), new ProcedureKey("99213", "25"), LocalDate.of(2026, 7, 1))
                .standardCharge()).isEqualByComparingTo("170.00");
        assertThat(ChargeMaster.effective(p.items(), new ProcedureKey("99213", "25"), LocalDate.of(2026, 6, 30))
                .standardCharge()).isEqualByComparingTo("165.00");
    }

    @Test
    void jsonItemsAreCheckedByTheSameRules() {
        List<ChargeMaster.ItemError> errors = ChargeMaster.violations(java.util.Arrays.asList(
                new ChargeMasterItem("99213", null, "Visit", new java.math.BigDecimal("150.001"), java.math.BigDecimal.ONE,
                        LocalDate.of(2026, 1, 1), null), null,
                new ChargeMasterItem("9", "ABC", "Visit", java.math.BigDecimal.TEN, new java.math.BigDecimal("-1"), null, null)));
        assertThat(errors).extracting(e -> e.index() + "." + e.field()).containsExactly("0.standardCharge", "1.null",
                "2.procedureCode", "2.modifier", "2.cashPrice", "2.effectiveFrom");
        assertThatThrownBy(() -> ChargeMasterCsv.parse(null)).isInstanceOf(ChargeMasterCsv.MalformedCsv.class);
    }
}
