package dev.revcycle.sandbox.status;

import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Writer;
import java.util.ArrayList;
import java.util.List;

/** 276s for the sandbox's tests (claims' writer is not a dependency of the sandbox). */
public final class ClaimStatusResponderTest276 {
    private ClaimStatusResponderTest276() {
    }

    /** A 276 from CLINIC1 about the claims (REF*EJ), each with its own trace T-<pcn>. */
    public static String x276(String payerId, String... pcns) {
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0010", "13", "ASK1", "20260305", "1407"));
        body.add(Segment.of("HL", "1", null, "20", "1"));
        body.add(Segment.of("NM1", "PR", "2", "SANDBOX HEALTH", null, null, null, null, "PI", payerId));
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        body.add(Segment.of("NM1", "41", "2", "BONE AND JOINT CLINIC", null, null, null, null, "46", "CLINIC1"));
        body.add(Segment.of("HL", "3", "2", "19", "1"));
        body.add(Segment.of("NM1", "1P", "2", "BONE AND JOINT CLINIC", null, null, null, null, "XX", "1234567893"));
        int hl = 3;
        for (String pcn : pcns) {
            body.add(Segment.of("HL", String.valueOf(++hl), "3", "22", "0"));
            body.add(Segment.of("NM1", "IL", "1", "DOE", "JANE", null, null, null, "MI", "M12345"));
            body.add(Segment.of("TRN", "1", "T-" + pcn));
            body.add(Segment.of("REF", "EJ", pcn));
            body.add(Segment.of("AMT", "T3", "150.00"));
            body.add(Segment.of("DTP", "472", "D8", "20260301"));
        }
        return new X12Writer(new InterchangeSettings("ZZ", "CLINIC1", "ZZ", "PAYERSANDBOX", UsageIndicator.TEST),
                Inquiries.CLOCK).write(555, List.of(new OutgoingGroup("HR", "CLINIC1", "PAYERSANDBOX", 555,
                "005010X212", List.of(new OutgoingTransaction("276", body)))));
    }

}
