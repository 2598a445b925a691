package dev.revcycle.sandbox;

import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Writer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * 270s built for tests (the eligibility module's writer is not a dependency of the sandbox), and the third-party
 * sample 270 from the test resources ({@code /x12/samples}, with its licence).
 */
public final class Inquiries {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T14:07:00Z"), ZoneOffset.UTC);

    private Inquiries() {
    }

    /** The imsweb x12-parser sample 270, byte for byte. */
    public static byte[] sample270() {
        try (InputStream in = Inquiries.class.getResourceAsStream("/x12/samples/x270_271_x270.txt")) {
            if (in == null) {
                throw new IllegalStateException("x12/samples/x270_271_x270.txt is missing from the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sample270Text() {
        return new String(sample270(), StandardCharsets.US_ASCII);
    }

    /** A 5010 270 from one provider to one payer, one subscriber per member id, service date 2025-06-15. */
    public static String x270(String... memberIds) {
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0022", "13", "BATCH-7", "20260305", "1407"));
        body.add(Segment.of("HL", "1", null, "20", "1"));
        body.add(Segment.of("NM1", "PR", "2", "SANDBOX HEALTH PLAN", null, null, null, null, "PI", "SBX01"));
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        body.add(Segment.of("NM1", "1P", "2", "BONE AND JOINT CLINIC", null, null, null, null, "XX", "1234567893"));
        int hl = 2;
        for (int i = 0; i < memberIds.length; i++) {
            body.add(Segment.of("HL", String.valueOf(++hl), "2", "22", "0"));
            body.add(Segment.of("TRN", "1", "TRACE-" + (i + 1), "9REVCYCLE"));
            body.add(Segment.of("NM1", "IL", "1", "DOE" + (char) ('A' + i), "JANE", null, null, null,
                    memberIds[i].isEmpty() ? null : "MI", memberIds[i]));
            body.add(Segment.of("DMG", "D8", "19800101", "F"));
            body.add(Segment.of("DTP", "291", "D8", "20250615"));
            body.add(Segment.of("EQ", "30"));
        }
        return new X12Writer(new InterchangeSettings("ZZ", "CLINIC", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST), CLOCK)
                .write(4321, new OutgoingGroup("HS", "CLINIC", "PAYERSANDBOX", 4321, "005010X279A1",
                        List.of(new OutgoingTransaction("270", body))));
    }
}
