package dev.revcycle.collections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgingBucketTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    @Test
    void bucketsAreByDaysFromTheOldestOpenDateOfService() {
        assertThat(AgingBucket.of(AS_OF, AS_OF)).isEqualTo(AgingBucket.DAYS_0_30);
        assertThat(AgingBucket.of(AS_OF.minusDays(30), AS_OF)).isEqualTo(AgingBucket.DAYS_0_30);
        assertThat(AgingBucket.of(AS_OF.minusDays(31), AS_OF)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(AS_OF.minusDays(60), AS_OF)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(AS_OF.minusDays(61), AS_OF)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(AS_OF.minusDays(90), AS_OF)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(AS_OF.minusDays(91), AS_OF)).isEqualTo(AgingBucket.DAYS_91_120);
        assertThat(AgingBucket.of(AS_OF.minusDays(120), AS_OF)).isEqualTo(AgingBucket.DAYS_91_120);
        assertThat(AgingBucket.of(AS_OF.minusDays(121), AS_OF)).isEqualTo(AgingBucket.OVER_120);
        assertThat(AgingBucket.of(AS_OF.minusYears(5), AS_OF)).isEqualTo(AgingBucket.OVER_120);
    }

    @Test
    void aServiceAfterTheDayAskedAboutIsCurrentAndNoDateIsNoBucket() {
        assertThat(AgingBucket.of(AS_OF.plusDays(10), AS_OF)).isEqualTo(AgingBucket.DAYS_0_30);
        assertThat(AgingBucket.of(null, AS_OF)).isNull();
    }
}
