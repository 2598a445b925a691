package dev.revcycle.x12;

import java.time.LocalDate;
import java.util.List;

/**
 * One functional group (GS … GE).
 *
 * @param functionalIdCode    GS01, e.g. {@code HS} for 270, {@code HB} for 271, {@code HC} for 837
 * @param applicationSender   GS02
 * @param applicationReceiver GS03
 * @param date                GS04, or null when it is not a valid CCYYMMDD date
 * @param controlNumber       GS06 as written
 * @param version             GS08, the version / implementation guide, e.g. {@code 005010X222A1}
 */
public record FunctionalGroup(String functionalIdCode, String applicationSender, String applicationReceiver,
        LocalDate date, String controlNumber, String version, List<TransactionSet> transactions) {

    public FunctionalGroup {
        transactions = List.copyOf(transactions);
    }
}
