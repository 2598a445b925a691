package dev.revcycle.claims.x12;

import java.util.List;

/**
 * A 999 or a 277CA as read. {@code interchangeControlNumber} is its ISA13; {@code warnings} the envelope
 * disagreements a lenient read let through (partners' counts are often wrong while the content is sound).
 */
public sealed interface Acknowledgement permits Ack999, Ack277CA {
    String senderId();

    String interchangeControlNumber();

    List<String> warnings();
}
