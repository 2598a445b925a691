package dev.revcycle.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses: exactly the moves of the lifecycle are allowed, every other is refused. */
class ClaimStatusTest {
    private static final Set<String> ALLOWED = Set.of("DRAFT>READY", "READY>DRAFT", "READY>SUBMITTED",
            "SUBMITTED>ACCEPTED", "SUBMITTED>REJECTED", "ACCEPTED>REJECTED", "REJECTED>DRAFT",
            // the 835: adjudicated from submitted or accepted, again by a later 835, reopened by a reversal
            "SUBMITTED>PAID", "SUBMITTED>PARTIALLY_PAID", "SUBMITTED>DENIED",
            "ACCEPTED>PAID", "ACCEPTED>PARTIALLY_PAID", "ACCEPTED>DENIED",
            "PAID>ACCEPTED", "PAID>PARTIALLY_PAID", "PAID>DENIED",
            "PARTIALLY_PAID>ACCEPTED", "PARTIALLY_PAID>PAID", "PARTIALLY_PAID>DENIED",
            "DENIED>ACCEPTED", "DENIED>PAID", "DENIED>PARTIALLY_PAID",
            // a void ends an accepted or adjudicated claim
            "ACCEPTED>VOIDED", "PAID>VOIDED", "PARTIALLY_PAID>VOIDED", "DENIED>VOIDED");

    static Stream<Arguments> pairs() {
        return Stream.of(ClaimStatus.values())
                .flatMap(from -> Stream.of(ClaimStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void onlyTheLifecyclesMovesAreAllowed(ClaimStatus from, ClaimStatus to) {
        assertEquals(ALLOWED.contains(from + ">" + to), from.canMoveTo(to));
    }

    @org.junit.jupiter.api.Test
    void theTableCoversEveryPairOfTheNineStatuses() {
        assertEquals(81, pairs().count());
    }
}
