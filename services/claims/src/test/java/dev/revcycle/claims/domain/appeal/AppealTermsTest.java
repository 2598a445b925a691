package dev.revcycle.claims.domain.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.claims.domain.ClaimStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AppealTermsTest {
    private static final BigDecimal CHARGE = new BigDecimal("200.00");

    @Test
    void deniedAndPartlyPaidClaimsAreAppealedForWhatWasNotPaid() {
        assertThat(AppealTerms.refusal(ClaimStatus.DENIED, CHARGE, BigDecimal.ZERO, null)).isNull();
        assertThat(AppealTerms.disputed(ClaimStatus.DENIED, CHARGE, BigDecimal.ZERO, null)).isEqualByComparingTo("200.00");
        assertThat(AppealTerms.refusal(ClaimStatus.PARTIALLY_PAID, CHARGE, new BigDecimal("120.00"), null)).isNull();
        assertThat(AppealTerms.disputed(ClaimStatus.PARTIALLY_PAID, CHARGE, new BigDecimal("120.00"), null))
                .isEqualByComparingTo("80.00");
        assertThat(AppealTerms.refusal(ClaimStatus.PARTIALLY_PAID, CHARGE, CHARGE, null)).contains("nothing to appeal");
    }

    @Test
    void aPaidClaimIsAppealedOnlyAsAnUnderpaymentWithTheExpectedAmount() {
        BigDecimal paid = new BigDecimal("120.00");
        assertThat(AppealTerms.refusal(ClaimStatus.PAID, CHARGE, paid, null)).contains("expectedAmount");
        assertThat(AppealTerms.refusal(ClaimStatus.PAID, CHARGE, paid, new BigDecimal("120.00"))).contains("no underpayment");
        assertThat(AppealTerms.refusal(ClaimStatus.PAID, CHARGE, paid, new BigDecimal("200.01"))).contains("more than");
        assertThat(AppealTerms.refusal(ClaimStatus.PAID, CHARGE, paid, new BigDecimal("150.00"))).isNull();
        assertThat(AppealTerms.disputed(ClaimStatus.PAID, CHARGE, paid, new BigDecimal("150.00"))).isEqualByComparingTo("30.00");
    }

    @Test
    void claimsNotAdjudicatedOrVoidedCannotBeAppealed() {
        for (ClaimStatus status : ClaimStatus.values()) {
            String refusal = AppealTerms.refusal(status, CHARGE, BigDecimal.ZERO, new BigDecimal("100.00"));
            assertThat(refusal == null).as(status.name()).isEqualTo(AppealTerms.APPEALABLE.contains(status));
        }
    }

    @Test
    void theDeadlineIsTheAdjudicationDatePlusThePayersDaysOr180() {
        LocalDate adjudicated = LocalDate.of(2026, 11, 1);
        assertThat(AppealTerms.deadline(adjudicated, null)).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(AppealTerms.deadline(adjudicated, 120)).isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
