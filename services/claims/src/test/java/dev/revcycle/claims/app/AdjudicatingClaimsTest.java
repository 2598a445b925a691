package dev.revcycle.claims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revcycle.claims.domain.ClaimStatus;
import dev.revcycle.claims.domain.adjudication.Adjudication;
import dev.revcycle.claims.domain.adjudication.Adjudication.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which status an answer gives a claim in each status (null: recorded, the status stays). */
class AdjudicatingClaimsTest {
    static Stream<Arguments> table() {
        return Stream.of(ClaimStatus.values()).flatMap(from -> Stream.of(Outcome.values()).map(o -> Arguments.of(from, o)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("table")
    void anAnswerMovesOnlyAClaimTheLifecycleLetsItMove(ClaimStatus from, Outcome outcome) {
        ClaimStatus expected = switch (outcome) {
            case RECORDED -> null;
            case REOPENED -> from.adjudicated() ? ClaimStatus.ACCEPTED : null;
            case PAID, PARTIALLY_PAID, DENIED -> from == ClaimStatus.SUBMITTED || from == ClaimStatus.ACCEPTED
                    || from.adjudicated() ? outcome.status() : null;
        };
        assertEquals(expected, AdjudicatingClaims.target(new Adjudication.Decision(outcome, List.of(), "r"), from));
    }
}
