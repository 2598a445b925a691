package dev.revcycle.claims.domain.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.adjudication.Adjudication.Decision;
import dev.revcycle.claims.domain.adjudication.Adjudication.Outcome;
import dev.revcycle.claims.domain.adjudication.DenialActions.Action;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Adjustment;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdjudicationTest {

    static Adjustment cas(String group, String carc, String amount) {
        return new Adjustment(group, carc, null, new BigDecimal(amount));
    }

    static Line line(int n, String charge, String paid, String patient, Adjustment... cas) {
        return new Line(n, "99213", new BigDecimal(charge), new BigDecimal(paid), null, List.of(cas), new BigDecimal(patient));
    }

    static RemittanceAdvice advice(String clp02, String paid, Line... lines) {
        return new RemittanceAdvice(clp02, new BigDecimal("300.00"), new BigDecimal(paid), BigDecimal.ZERO, List.of(),
                List.of(lines), "PCCN1", LocalDate.of(2026, 11, 30));
    }

    @Test
    void everyLinePaidWhateverTheContractualAndPatientSharesIsPaid() {
        Decision d = Adjudication.decide(advice("1", "130.00",
                line(1, "200.00", "120.00", "40.00", cas("CO", "45", "40.00"), cas("PR", "2", "40.00")),
                line(2, "100.00", "10.00", "0", cas("CO", "45", "90.00"))));
        assertEquals(Outcome.PAID, d.outcome());
        assertEquals(ClaimStatus.PAID, d.outcome().status());
        assertEquals(List.of(), d.denials());
    }

    @Test
    void aLineAppliedWhollyToTheDeductibleIsStillPaidTheNextPayerOrPatientOwesIt() {
        Decision d = Adjudication.decide(advice("1", "0.00",
                line(1, "200.00", "0.00", "150.00", cas("CO", "45", "50.00"), cas("PR", "1", "150.00"))));
        assertEquals(Outcome.PAID, d.outcome());
    }

    @Test
    void oneLineDeniedIsPartiallyPaidAndItsReasonIsListed() {
        Decision d = Adjudication.decide(advice("1", "120.00",
                line(1, "200.00", "120.00", "0", cas("CO", "45", "80.00")),
                line(2, "100.00", "0.00", "0", cas("CO", "197", "100.00"))));
        assertEquals(Outcome.PARTIALLY_PAID, d.outcome());
        assertEquals(List.of(cas("CO", "197", "100.00")), d.denials());
        assertEquals("1 of 2 line(s) paid nothing: CO-197", d.reason());
        assertEquals(Action.APPEAL_WITH_AUTHORIZATION, DenialActions.suggest(d.denials()));
    }

    @Test
    void aLineReducedToNothingByTheFeeScheduleAloneIsPaidNothing() {
        Decision d = Adjudication.decide(advice("1", "50.00",
                line(1, "100.00", "50.00", "0", cas("CO", "45", "50.00")),
                line(2, "100.00", "0.00", "0", cas("CO", "45", "100.00"))));
        assertEquals(Outcome.PARTIALLY_PAID, d.outcome());
        assertEquals(List.of(), d.denials());
    }

    @Test
    void everyLinePaidNothingWithADenialCodeIsDeniedEvenUnderClp02One() {
        Decision d = Adjudication.decide(advice("1", "0.00",
                line(1, "200.00", "0.00", "0", cas("CO", "16", "200.00")),
                line(2, "100.00", "0.00", "0", cas("CO", "16", "100.00"))));
        assertEquals(Outcome.DENIED, d.outcome());
        assertEquals(Action.CORRECT_AND_RESUBMIT, DenialActions.suggest(d.denials()));
    }

    @Test
    void clp02FourIsDeniedWithTheLargestReasonFirst() {
        Decision d = Adjudication.decide(advice("4", "0.00",
                line(1, "50.00", "0.00", "0", cas("CO", "16", "50.00")),
                line(2, "250.00", "0.00", "0", cas("CO", "29", "250.00"))));
        assertEquals(Outcome.DENIED, d.outcome());
        assertEquals(List.of(cas("CO", "29", "250.00"), cas("CO", "16", "50.00")), d.denials());
        assertEquals(Action.APPEAL_WITH_PROOF_OF_TIMELY_FILING, DenialActions.suggest(d.denials()));
        assertEquals("Denied by the payer (CLP02 4): CO-29, CO-16", d.reason());
    }

    @Test
    void aNonCoveredServiceThePatientIsLiableForIsADenialToBillThePatient() {
        Decision d = Adjudication.decide(advice("1", "0.00",
                line(1, "80.00", "0.00", "80.00", cas("PR", "96", "80.00"))));
        assertEquals(Outcome.DENIED, d.outcome());
        assertEquals(Action.BILL_PATIENT, DenialActions.suggest(d.denials()));
    }

    @Test
    void aReversalReopensTheClaim() {
        Decision d = Adjudication.decide(advice("22", "-130.00"));
        assertEquals(Outcome.REOPENED, d.outcome());
        assertEquals(ClaimStatus.ACCEPTED, d.outcome().status());
    }

    @ParameterizedTest
    @CsvSource({"23", "25"})
    void notOursOrAPredeterminationIsRecordedOnly(String clp02) {
        Decision d = Adjudication.decide(advice(clp02, "0.00"));
        assertEquals(Outcome.RECORDED, d.outcome());
        assertEquals(null, d.outcome().status());
    }

    @ParameterizedTest
    @CsvSource({"2", "3", "19", "20", "21"})
    void secondaryTertiaryAndForwardedAreProcessedLikeAPrimary(String clp02) {
        assertEquals(Outcome.PAID, Adjudication.decide(advice(clp02, "10.00",
                line(1, "100.00", "10.00", "0", cas("CO", "45", "90.00")))).outcome());
    }

    @Test
    void withoutLinesTheClaimLevelFiguresDecide() {
        RemittanceAdvice paid = new RemittanceAdvice("1", new BigDecimal("100.00"), new BigDecimal("80.00"),
                BigDecimal.ZERO, List.of(cas("CO", "45", "20.00")), List.of(), "X", null);
        RemittanceAdvice nothing = new RemittanceAdvice("1", new BigDecimal("100.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(cas("CO", "18", "100.00")), List.of(), "X", null);
        assertEquals(Outcome.PAID, Adjudication.decide(paid).outcome());
        Decision duplicate = Adjudication.decide(nothing);
        assertEquals(Outcome.DENIED, duplicate.outcome());
        assertEquals(Action.NONE, DenialActions.suggest(duplicate.denials()));
    }

    @Test
    void everyAdjudicatedOutcomeIsAMoveTheLifecycleAllows() {
        for (Outcome o : Outcome.values()) {
            if (o.status() != null && o != Outcome.REOPENED) {
                assertEquals(true, ClaimStatus.ACCEPTED.canMoveTo(o.status()), o.name());
                assertEquals(true, ClaimStatus.SUBMITTED.canMoveTo(o.status()), o.name());
            }
        }
        for (ClaimStatus s : List.of(ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID, ClaimStatus.DENIED)) {
            assertEquals(true, s.canMoveTo(Outcome.REOPENED.status()), s.name());
        }
    }
}
