package dev.revcycle.x12;

import java.util.List;
import java.util.Objects;

/**
 * A functional group to write.
 *
 * @param functionalIdCode    GS01, e.g. {@code HS} (270), {@code HB} (271), {@code HC} (837)
 * @param applicationSender   GS02
 * @param applicationReceiver GS03
 * @param controlNumber       GS06, 1 to 999999999, assigned by the sender and unique among its groups
 * @param version             GS08 and every ST03, e.g. {@code 005010X279A1}
 * @param transactions        at least one
 */
public record OutgoingGroup(String functionalIdCode, String applicationSender, String applicationReceiver,
        long controlNumber, String version, List<OutgoingTransaction> transactions) {

    public OutgoingGroup {
        Objects.requireNonNull(functionalIdCode, "functionalIdCode");
        if (!functionalIdCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("functional identifier code (GS01) must be two letters");
        }
        requireText(applicationSender, "application sender (GS02)", 2, 15);
        requireText(applicationReceiver, "application receiver (GS03)", 2, 15);
        requireText(version, "version (GS08)", 1, 12);
        if (controlNumber < 1 || controlNumber > 999_999_999L) {
            throw new IllegalArgumentException("group control number (GS06) must be 1 to 999999999");
        }
        transactions = List.copyOf(transactions);
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("a functional group needs at least one transaction");
        }
    }

    private static void requireText(String value, String name, int min, int max) {
        if (value == null || value.isBlank() || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + " characters");
        }
    }
}
