package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.pricing.ListedUnderpayment;
import dev.revcycle.claims.domain.pricing.UnderpaymentTotal;
import dev.revcycle.claims.app.DetectingUnderpayments;
import dev.revcycle.claims.domain.pricing.Underpayment;
import dev.revcycle.claims.domain.pricing.UnderpaymentTolerance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of /underpayments and /practices/{id}/underpayment-tolerance. */
final class UnderpaymentBodies {
    private UnderpaymentBodies() {
    }

    @Schema(name = "UnderpaymentTolerance")
    record Tolerance(@Schema(description = "A shortfall up to this amount is tolerated", example = "1.00") BigDecimal amount,
                     @Schema(description = "A shortfall up to this percent of the contracted amount is tolerated (with "
                             + "both, the larger)", example = "2") BigDecimal percent) {
        UnderpaymentTolerance toTolerance() {
            return new UnderpaymentTolerance(amount, percent);
        }
    }

    @Schema(name = "PracticeUnderpaymentTolerance")
    record ToleranceResponse(String practiceId, BigDecimal amount, BigDecimal percent,
                             @Schema(description = "true while the practice has set none (1.00)") boolean isDefault) {
        static ToleranceResponse of(String practiceId, UnderpaymentTolerance t) {
            return new ToleranceResponse(practiceId, t.amount(), t.percent(), t == UnderpaymentTolerance.DEFAULT);
        }
    }

    @Schema(name = "Underpayment")
    record Item(UUID id, UUID claimId, String patientControlNumber, UUID adjudicationId, UUID payerId, int lineNumber,
                String procedureCode, @Schema(description = "Absent when none") String modifier, LocalDate serviceDate,
                @Schema(description = "The contracted allowed amount on the date of service") BigDecimal expected,
                @Schema(description = "What the payer allowed (835 AMT*B6)") BigDecimal actual,
                @Schema(description = "expected − actual") BigDecimal difference, BigDecimal paid,
                UUID feeScheduleVersionId, @Schema(description = "The tolerance it went beyond") BigDecimal tolerance,
                Instant detectedAt) {
        static Item of(ListedUnderpayment l) {
            Underpayment u = l.underpayment();
            return new Item(u.id(), u.claimId(), l.patientControlNumber(), u.adjudicationId(), u.payerId(),
                    u.lineNumber(), u.procedureCode(), u.modifier().isEmpty() ? null : u.modifier(), u.serviceDate(),
                    u.expected(), u.actual(), u.difference(), u.paid(), u.feeScheduleVersionId(), u.tolerance(),
                    u.detectedAt());
        }
    }

    @Schema(name = "UnderpaymentPage")
    record Page(List<Item> items, int size, boolean hasMore,
                @Schema(description = "The `after` of the next page, while hasMore") String next) {
        static Page of(DetectingUnderpayments.Page p) {
            return new Page(p.items().stream().map(Item::of).toList(), p.size(), p.hasMore(), p.next());
        }
    }

    @Schema(name = "UnderpaymentTotal")
    record Total(UUID payerId, String procedureCode, long lines, BigDecimal expected, BigDecimal actual,
                 BigDecimal difference) {
    }

    @Schema(name = "UnderpaymentSummary")
    record Summary(String practiceId, LocalDate from, LocalDate to,
                   @Schema(description = "Per payer and procedure code, the largest difference first") List<Total> totals,
                   @Schema(description = "All of them") Total total) {
        static Summary of(String practiceId, LocalDate from, LocalDate to, List<UnderpaymentTotal> rows) {
            long lines = 0;
            BigDecimal expected = BigDecimal.ZERO.setScale(2);
            BigDecimal actual = expected;
            BigDecimal difference = expected;
            for (UnderpaymentTotal t : rows) {
                lines += t.lines();
                expected = expected.add(t.expected());
                actual = actual.add(t.actual());
                difference = difference.add(t.difference());
            }
            return new Summary(practiceId, from, to, rows.stream().map(t -> new Total(t.payerId(), t.procedureCode(),
                    t.lines(), t.expected(), t.actual(), t.difference())).toList(),
                    new Total(null, null, lines, expected, actual, difference));
        }
    }
}
