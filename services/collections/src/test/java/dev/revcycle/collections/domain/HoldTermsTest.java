package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.domain.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldTermsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static List<String> fields(HoldTerms t) {
        return t.violations(TODAY).stream().map(FieldError::field).toList();
    }

    @Test
    void eachTypeNeedsItsOwnDetailsAndNoOther() {
        assertThat(fields(new HoldTerms("BANKRUPTCY", null, null, null,
                new HoldTerms.Bankruptcy(13, "26-1", TODAY), null, null, null))).isEmpty();
        assertThat(fields(new HoldTerms("PROBATE", null, null, null, null,
                new HoldTerms.Probate("executor", null), null, null))).isEmpty();
        assertThat(fields(new HoldTerms("ATTORNEY", null, null, null, null, null,
                new HoldTerms.Attorney("F", "C", false, null, null), null))).isEmpty();
        assertThat(fields(new HoldTerms("DISPUTE", null, null, TODAY, null, null, null, new HoldTerms.Dispute("x")))).isEmpty();
        assertThat(fields(new HoldTerms("RETURNED_MAIL", null, null, null, null, null, null, null))).isEmpty();
        assertThat(fields(new HoldTerms("RETURNED_MAIL", null, null, null, new HoldTerms.Bankruptcy(7, "1", TODAY),
                new HoldTerms.Probate("x", null), new HoldTerms.Attorney("F", "C", true, null, null), new HoldTerms.Dispute("x"))))
                .containsExactly("bankruptcy", "probate", "attorney", "dispute");
        assertThat(fields(new HoldTerms("ATTORNEY", null, null, null, null, null, null, null))).containsExactly("attorney");
    }

    @Test
    void everyBrokenRuleIsListedWithoutQuotingValues() {
        HoldTerms t = new HoldTerms("BANKRUPTCY", " ", "bad\nref", TODAY.minusDays(1),
                new HoldTerms.Bankruptcy(12, "", TODAY.plusDays(1)), null, null, null);
        List<FieldError> errors = t.violations(TODAY);
        assertThat(errors.stream().map(FieldError::field)).containsExactly("note", "reference", "until",
                "bankruptcy.chapter", "bankruptcy.caseNumber", "bankruptcy.filingDate");
        assertThat(errors.toString()).doesNotContain("bad\nref");
        assertThat(fields(new HoldTerms(null, null, null, null, null, null, null, null))).containsExactly("type");
        assertThat(fields(new HoldTerms("ATTORNEY", null, null, null, null, null,
                new HoldTerms.Attorney(" ", null, null, null, new BigDecimal("1.001")), null)))
                .containsExactly("attorney.firm", "attorney.contact", "attorney.letterOfProtection",
                        "attorney.expectedSettlementAmount");
    }

    @Test
    void normalizedTrimsTextAndSetsTheScale() {
        HoldTerms t = new HoldTerms("ATTORNEY", " note ", " R1 ", null, null, null,
                new HoldTerms.Attorney(" Firm ", " C ", true, null, new BigDecimal("2500")), null).normalized();
        assertThat(t.note()).isEqualTo("note");
        assertThat(t.attorney().firm()).isEqualTo("Firm");
        assertThat(t.attorney().expectedSettlementAmount()).isEqualByComparingTo("2500.00");
        assertThat(t.attorney().expectedSettlementAmount().scale()).isEqualTo(2);
        assertThat(t.toString()).doesNotContain("note").doesNotContain("Firm");
    }
}
