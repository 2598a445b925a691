package dev.revcycle.x12;

import java.util.Objects;

/**
 * Who an interchange is from and to, and how it is marked — what stays the same from one interchange to
 * the next between two trading partners.
 *
 * @param senderQualifier   ISA05, e.g. {@code ZZ} (mutually defined) or {@code 30} (federal tax id)
 * @param senderId          ISA06, at most 15 characters (padded when written)
 * @param receiverQualifier ISA07
 * @param receiverId        ISA08, at most 15 characters
 * @param usage             ISA15, test or production
 * @param acknowledgmentRequested ISA14: ask the receiver for a TA1
 * @param delimiters        separators to write with
 */
public record InterchangeSettings(String senderQualifier, String senderId, String receiverQualifier,
        String receiverId, UsageIndicator usage, boolean acknowledgmentRequested, Delimiters delimiters) {

    public InterchangeSettings {
        requireQualifier(senderQualifier, "sender qualifier (ISA05)");
        requireId(senderId, "sender id (ISA06)");
        requireQualifier(receiverQualifier, "receiver qualifier (ISA07)");
        requireId(receiverId, "receiver id (ISA08)");
        Objects.requireNonNull(usage, "usage (ISA15)");
        if (usage == UsageIndicator.INFORMATION) {
            throw new IllegalArgumentException("usage (ISA15) must be TEST or PRODUCTION");
        }
        Objects.requireNonNull(delimiters, "delimiters");
        if (delimiters.repetition() == '\0') {
            throw new IllegalArgumentException("5010 interchanges need a repetition separator (ISA11)");
        }
        for (String value : new String[] {senderQualifier, senderId, receiverQualifier, receiverId}) {
            if (delimiters.occursIn(value)) {
                throw new IllegalArgumentException("an interchange party field contains an X12 delimiter");
            }
        }
    }

    /** Standard delimiters and no TA1 requested. */
    public InterchangeSettings(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
            UsageIndicator usage) {
        this(senderQualifier, senderId, receiverQualifier, receiverId, usage, false, Delimiters.STANDARD);
    }

    private static void requireQualifier(String qualifier, String name) {
        if (qualifier == null || qualifier.length() != 2) {
            throw new IllegalArgumentException(name + " must be two characters");
        }
    }

    private static void requireId(String id, String name) {
        if (id == null || id.isBlank() || id.length() > 15) {
            throw new IllegalArgumentException(name + " must be 1 to 15 characters");
        }
    }
}
