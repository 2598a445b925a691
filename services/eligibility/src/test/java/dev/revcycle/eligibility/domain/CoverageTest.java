package dev.revcycle.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.domain.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoverageTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Payer PAYER = Payer.register(UUID.randomUUID(),
            new PayerDetails("Sandbox Health", PayerType.COMMERCIAL, "SBX01", 365), NOW);

    private static CoverageTerms terms(Priority priority) {
        return new CoverageTerms(PAYER.id(), "M1234567812", "GRP-1", "PPO", priority, SubscriberRelationship.SELF, null,
                LocalDate.of(2026, 1, 1), null);
    }

    private static Coverage coverage(Priority priority) {
        return Coverage.add(UUID.randomUUID(), "p1", UUID.randomUUID(), PAYER, terms(priority), NOW);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aPatientHasOneActiveCoveragePerPriority() {
        Coverage primary = coverage(Priority.PRIMARY);
        Coverage secondary = coverage(Priority.SECONDARY);
        List<Coverage> patients = List.of(primary, secondary);

        assertThatThrownBy(() -> CoveragePriorities.requireFree(patients, Priority.PRIMARY, null))
                .isInstanceOf(Conflict.class)
                .satisfies(e -> assertThat(((Conflict) e).reason()).isEqualTo(CoveragePriorities.TAKEN))
                .satisfies(e -> assertThat(((Conflict) e).details()).containsEntry("existingCoverageId", primary.id()));
        CoveragePriorities.requireFree(patients, Priority.TERTIARY, null);
        // a coverage keeping its own priority does not conflict with itself
        CoveragePriorities.requireFree(patients, Priority.PRIMARY, primary.id());
        // once terminated, the priority is free for the next coverage
        primary.terminate(LocalDate.of(2026, 6, 30), NOW);
        CoveragePriorities.requireFree(patients, Priority.PRIMARY, null);
    }

    @Test
    void theSubscriberIsRequiredUnlessThePatientIsTheSubscriber() {
        CoverageTerms spouseWithout = new CoverageTerms(PAYER.id(), "M1", null, null, Priority.PRIMARY,
                SubscriberRelationship.SPOUSE, null, LocalDate.of(2026, 1, 1), null);
        assertThat(fields(spouseWithout.violations(TODAY))).containsExactly("subscriber");

        CoverageTerms selfWith = new CoverageTerms(PAYER.id(), "M1", null, null, Priority.PRIMARY,
                SubscriberRelationship.SELF, new Subscriber("Maria", "Lopez", LocalDate.of(1982, 7, 14)),
                LocalDate.of(2026, 1, 1), null);
        assertThat(fields(selfWith.violations(TODAY))).containsExactly("subscriber");

        CoverageTerms child = new CoverageTerms(PAYER.id(), "M1", null, null, Priority.PRIMARY,
                SubscriberRelationship.CHILD, new Subscriber("Maria", "Lopez", LocalDate.of(1982, 7, 14)),
                LocalDate.of(2026, 1, 1), null);
        assertThat(child.violations(TODAY)).isEmpty();

        CoverageTerms badSubscriber = new CoverageTerms(PAYER.id(), "M1", null, null, Priority.PRIMARY,
                SubscriberRelationship.OTHER, new Subscriber("R2*D2", null, TODAY.plusDays(1)),
                LocalDate.of(2026, 1, 1), null);
        assertThat(fields(badSubscriber.violations(TODAY)))
                .containsExactly("subscriber.firstName", "subscriber.lastName", "subscriber.dateOfBirth");
    }

    @Test
    void datesAndIdentifiersAreChecked() {
        CoverageTerms backwards = new CoverageTerms(PAYER.id(), "M1", null, null, Priority.PRIMARY,
                SubscriberRelationship.SELF, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 31));
        assertThat(fields(backwards.violations(TODAY))).containsExactly("terminationDate");

        CoverageTerms delimiters = new CoverageTerms(PAYER.id(), "M1*~", "G:1", "PPO~", Priority.PRIMARY,
                SubscriberRelationship.SELF, null, null, null);
        assertThat(fields(delimiters.violations(TODAY))).containsExactly("memberId", "groupNumber", "planName", "effectiveDate");

        CoverageTerms empty = new CoverageTerms(null, "  ", null, null, null, null, null, null, null).normalized();
        assertThat(fields(empty.violations(TODAY)))
                .containsExactly("payerId", "memberId", "priority", "subscriberRelationship", "effectiveDate");
    }

    @Test
    void aCheckNeedsAnActiveCoverageOnTheServiceDate() {
        Coverage c = Coverage.add(UUID.randomUUID(), "p1", UUID.randomUUID(), PAYER,
                new CoverageTerms(PAYER.id(), "M1", null, null, Priority.PRIMARY, SubscriberRelationship.SELF, null,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), NOW);
        c.requireCheckableOn(LocalDate.of(2026, 1, 1));
        c.requireCheckableOn(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> c.requireCheckableOn(LocalDate.of(2025, 12, 31)))
                .isInstanceOf(Unprocessable.class)
                .extracting(e -> ((Unprocessable) e).reason()).isEqualTo(Coverage.SERVICE_DATE_OUTSIDE);
        assertThatThrownBy(() -> c.requireCheckableOn(LocalDate.of(2027, 1, 1)))
                .extracting(e -> ((Unprocessable) e).reason()).isEqualTo(Coverage.SERVICE_DATE_OUTSIDE);

        c.terminate(LocalDate.of(2026, 6, 30), NOW);
        assertThatThrownBy(() -> c.requireCheckableOn(LocalDate.of(2026, 3, 1)))
                .extracting(e -> ((Unprocessable) e).reason()).isEqualTo(Coverage.TERMINATED);
    }

    @Test
    void terminationIsOnceAndNotBeforeTheStart() {
        Coverage c = coverage(Priority.PRIMARY);
        assertThatThrownBy(() -> c.terminate(LocalDate.of(2025, 12, 31), NOW)).isInstanceOf(Violations.class);
        assertThat(c.terminate(LocalDate.of(2026, 6, 30), NOW)).isTrue();
        assertThat(c.status()).isEqualTo(CoverageStatus.TERMINATED);
        assertThat(c.terminate(LocalDate.of(2026, 6, 30), NOW)).isFalse();
        assertThatThrownBy(() -> c.terminate(LocalDate.of(2026, 7, 31), NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> c.change(terms(Priority.SECONDARY), NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aChangeReportsOnlyWhatChangedAndKeepsThePayer() {
        Coverage c = coverage(Priority.PRIMARY);
        CoverageTerms t = c.terms();
        CoverageTerms corrected = new CoverageTerms(t.payerId(), "M9999999912", t.groupNumber(), t.planName(),
                Priority.SECONDARY, t.subscriberRelationship(), null, t.effectiveDate(), LocalDate.of(2026, 12, 31));
        assertThat(c.change(corrected, NOW.plusSeconds(60))).containsExactly("memberId", "priority", "terminationDate");
        assertThat(c.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(c.change(corrected, NOW.plusSeconds(120))).isEmpty();
        assertThat(c.updatedAt()).isEqualTo(NOW.plusSeconds(60));

        CoverageTerms otherPayer = new CoverageTerms(UUID.randomUUID(), "M1", null, null, Priority.PRIMARY,
                SubscriberRelationship.SELF, null, t.effectiveDate(), null);
        assertThatThrownBy(() -> c.change(otherPayer, NOW)).isInstanceOf(Violations.class)
                .extracting(e -> ((Violations) e).errors().get(0).field()).isEqualTo("payerId");
    }

    @Test
    void aPayersAnswerStandsForADayUnlessTheCoverageChanged() {
        Coverage c = coverage(Priority.PRIMARY);
        CheckOutcome active = new CheckOutcome(CheckStatus.ACTIVE, null, null, null, List.of(), null, "271");
        EligibilityCheck check = EligibilityCheck.record(UUID.randomUUID(), c, TODAY, List.of("30"), 1, "270", active,
                NOW.plusSeconds(1));
        Duration day = Duration.ofHours(24);
        assertThat(check.answersAgain(c, NOW.plus(Duration.ofHours(23)), day)).isTrue();
        assertThat(check.answersAgain(c, NOW.plus(Duration.ofHours(25)), day)).isFalse();

        EligibilityCheck failed = EligibilityCheck.record(UUID.randomUUID(), c, TODAY, List.of("30"), 2, "270",
                CheckOutcome.failed("clearinghouse timed out", null), NOW.plusSeconds(1));
        assertThat(failed.answersAgain(c, NOW.plusSeconds(5), day)).isFalse();

        CoverageTerms t = c.terms();
        c.change(new CoverageTerms(t.payerId(), "M5555555512", t.groupNumber(), t.planName(), t.priority(),
                t.subscriberRelationship(), null, t.effectiveDate(), null), NOW.plusSeconds(2));
        assertThat(check.answersAgain(c, NOW.plusSeconds(5), day)).isFalse();
    }

    @Test
    void payersNeedEveryField() {
        assertThat(fields(new PayerDetails(" ", null, "SBX 01", 0).normalized().violations()))
                .containsExactly("name", "payerType", "x12PayerId", "timelyFilingDays");
        assertThat(new PayerDetails(" Medicare  Part B ", PayerType.MEDICARE, "cms01", 365).normalized())
                .isEqualTo(new PayerDetails("Medicare Part B", PayerType.MEDICARE, "CMS01", 365));
    }
}
