package dev.revcycle.eligibility.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.eligibility.domain.CoveragePriorities;
import dev.revcycle.eligibility.store.CoverageRepository;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** The database's guard on one active coverage per priority is the domain's refusal too; nothing else is. */
class PriorityGuardTest {

    private static CoverageRepository failingWith(RuntimeException failure) {
        return new CoverageRepository() {
            @Override
            public void flush() {
                throw failure;
            }
        };
    }

    private static ConstraintViolationException violated(String constraint) {
        return new ConstraintViolationException("duplicate key", new SQLException("duplicate key"), constraint);
    }

    @Test
    void theOneActivePerPriorityConstraintIsThePriorityTakenConflict() {
        assertThatThrownBy(() -> PriorityGuard.flush(failingWith(violated(PriorityGuard.CONSTRAINT))))
                .isInstanceOf(Conflict.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((Conflict) e).reason()).isEqualTo(CoveragePriorities.TAKEN));
        assertThatThrownBy(() -> PriorityGuard.flush(failingWith(
                new PersistenceException("flush failed", violated(PriorityGuard.CONSTRAINT)))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void anyOtherFailureStaysWhatItWas() {
        ConstraintViolationException other = violated("coverage_pkey");
        assertThatThrownBy(() -> PriorityGuard.flush(failingWith(other))).isSameAs(other);
        assertThatCode(() -> PriorityGuard.flush(new CoverageRepository() {
            @Override
            public void flush() {
            }
        })).doesNotThrowAnyException();
    }
}
