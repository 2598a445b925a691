package dev.revcycle.claims.x12;

import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** 277 claim status responses (005010X212) as a payer writes them, for tests: answers a 276 with one STC. */
public final class Sample277 {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private Sample277() {
    }

    /**
     * The 277 for the 276: its payer, provider and subscriber echoed, {@code TRN*2} = its TRN02, {@code STC} with
     * the given STC01 composite and elements 2…9 as given (null = empty), {@code REF*1K} when given.
     */
    public static String answer(String x276, String stc01, String payerClaimNumber, String... stcRest) {
        try {
            var read = X12Reader.lenient().read(x276);
            var st = read.transactions().get(0);
            String trace = st.segments("TRN").get(0).element(2);
            List<Segment> body = new ArrayList<>();
            body.add(Segment.of("BHT", "0010", "08", trace, "20261201", "1000", "DG"));
            body.add(Segment.of("HL", "1", null, "20", "1"));
            body.add(st.segments("NM1").get(0));
            body.add(Segment.of("HL", "2", "1", "21", "1"));
            body.add(st.segments("NM1").get(1));
            body.add(Segment.of("HL", "3", "2", "19", "1"));
            body.add(st.segments("NM1").get(2));
            body.add(Segment.of("HL", "4", "3", "22", "0"));
            body.add(st.segments("NM1").get(3));
            body.add(Segment.of("TRN", "2", trace));
            List<String> elements = new ArrayList<>();
            elements.add(null); // STC01 as a composite below
            for (String e : stcRest) {
                elements.add(e);
            }
            Segment.Builder stc = Segment.builder("STC").composite(stc01.split(":"));
            for (int i = 1; i < elements.size(); i++) {
                stc.element(elements.get(i));
            }
            body.add(stc.build());
            if (payerClaimNumber != null) {
                body.add(Segment.of("REF", "1K", payerClaimNumber));
            }
            st.segments("REF").stream().filter(r -> "EJ".equals(r.element(1))).forEach(body::add);
            return new dev.revcycle.x12.X12Writer(new InterchangeSettings("ZZ", "PAYERSANDBOX", "ZZ", read.senderId(),
                    UsageIndicator.TEST), CLOCK).write(Long.parseLong(read.controlNumber()), List.of(new OutgoingGroup("HN",
                    "PAYERSANDBOX", read.senderId(), Long.parseLong(read.controlNumber()), "005010X212",
                    List.of(new OutgoingTransaction("277", body)))));
        } catch (dev.revcycle.x12.X12Exception e) {
            throw new IllegalArgumentException("not a 276", e);
        }
    }
}
