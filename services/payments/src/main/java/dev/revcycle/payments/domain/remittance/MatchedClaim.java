package dev.revcycle.payments.domain.remittance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The claim of ours a CLP was matched to (CLP01 = its patient control number), with its lines.
 *
 * @param lines each line with its id, number (1-based, what we sent in REF*6R), procedure code and date of service
 */
public record MatchedClaim(UUID accountId, UUID claimId, List<Line> lines) {

    public MatchedClaim {
        lines = List.copyOf(lines);
    }

    /**
     * @param controlNumber the line item control number we sent in the 837's REF*6R ("" when none was sent: the
     *                      line number is then what REF*6R carries)
     */
    public record Line(UUID lineId, int number, String controlNumber, String procedureCode, LocalDate serviceDate) {
    }
}
