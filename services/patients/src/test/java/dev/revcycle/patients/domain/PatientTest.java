package dev.revcycle.patients.domain;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Demographics ana() {
        return new Demographics("Ana", "Lopez", LocalDate.of(1984, 3, 9), Sex.F, null,
                new PostalAddress("12 Main St", null, "Springfield", "IL", "62704"), null, null, null);
    }

    private static Patient patient(String practice) {
        return Patient.register(UUID.randomUUID(), practice, "M100000001", ana(), null, NOW);
    }

    @Test
    void aChangeReportsOnlyTheFieldsThatChanged() {
        Patient p = patient("p1");
        Demographics d = ana();
        Demographics moved = new Demographics(d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(), null,
                new PostalAddress("99 Oak Ave", null, "Springfield", "IL", "62704"), "2175550100", null, null);
        assertThat(p.change(moved, false, null, NOW)).containsExactly("address", "phone");
        assertThat(p.change(moved, false, null, NOW)).isEmpty();
    }

    @Test
    void aNewAddressClearsReturnedMail() {
        Patient p = patient("p1");
        assertThat(p.markAddressUndeliverable(TODAY, NOW)).isTrue();
        assertThat(p.markAddressUndeliverable(TODAY, NOW)).isFalse();
        Demographics d = ana();
        p.change(new Demographics(d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(), null,
                new PostalAddress("99 Oak Ave", null, "Springfield", "IL", "62704"), null, null, null), false, null, NOW);
        assertThat(p.isAddressUndeliverable()).isFalse();
    }

    @Test
    void deathMustFallBetweenBirthAndToday() {
        Patient p = patient("p1");
        assertThatThrownBy(() -> p.recordDeath(TODAY.plusDays(1), TODAY, NOW)).isInstanceOf(Violations.class);
        assertThatThrownBy(() -> p.recordDeath(LocalDate.of(1980, 1, 1), TODAY, NOW)).isInstanceOf(Violations.class);
        assertThat(p.recordDeath(TODAY, TODAY, NOW)).isTrue();
        assertThat(p.recordDeath(TODAY, TODAY, NOW)).isFalse();
        assertThatThrownBy(() -> p.recordDeath(TODAY.minusDays(1), TODAY, NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void mergeKeepsTheSurvivorAndRetiresTheDuplicateOnce() {
        Patient survivor = patient("p1");
        Patient duplicate = patient("p1");
        duplicate.mergeInto(survivor, NOW);
        assertThat(duplicate.status()).isEqualTo(PatientStatus.MERGED);
        assertThat(duplicate.mergedInto()).isEqualTo(survivor.id());
        assertThatThrownBy(() -> duplicate.mergeInto(survivor, NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> duplicate.markAddressUndeliverable(TODAY, NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> survivor.mergeInto(survivor, NOW)).isInstanceOf(Violations.class);
        assertThatThrownBy(() -> patient("p2").mergeInto(survivor, NOW)).isInstanceOf(NotFound.class);
    }

    @Test
    void mrnsAreMAndNineDigits() {
        assertThat(Mrn.of(100000001L)).isEqualTo("M100000001");
        assertThat(Mrn.of(42)).isEqualTo("M000000042");
        assertThatThrownBy(() -> Mrn.of(1_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    }
}
