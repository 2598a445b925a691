package dev.revcycle.sandbox.remittance;

import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link Remittance} as one 005010X221A1 835 interchange (GS01 HP) from the sandbox to the submitter,
 * through revcycle-x12's StAEDI writer: header (BPR, TRN, DTM*405), payer (1000A) and payee (1000B), one LX
 * with a CLP loop per claim and an SVC loop per line, then the PLB provider adjustments.
 */
public final class RemittanceWriter {

    public static final String GUIDE = "005010X221A1";
    static final String SANDBOX_ID = "PAYERSANDBOX";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    /** PLB03 / PLB04 pairs one PLB segment can hold. */
    private static final int PLB_PAIRS = 6;
    /** CAS triples (reason, amount, quantity) one CAS segment can hold. */
    private static final int CAS_TRIPLES = 6;

    private final Clock clock;

    public RemittanceWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String write(Remittance remittance) {
        String receiver = remittance.submitter().length() > 15 ? remittance.submitter().substring(0, 15)
                : remittance.submitter();
        X12Writer writer = new X12Writer(new InterchangeSettings("ZZ", SANDBOX_ID,
                remittance.address().qualifier(), receiver,
                remittance.address().production() ? UsageIndicator.PRODUCTION : UsageIndicator.TEST), clock)
                .withLineBreaks();
        OutgoingGroup group = new OutgoingGroup("HP", SANDBOX_ID, remittance.address().applicationSender(),
                remittance.controlNumber(), GUIDE, List.of(new OutgoingTransaction("835", body(remittance))));
        return writer.write(remittance.controlNumber(), group);
    }

    static List<Segment> body(Remittance r) {
        List<Segment> body = new ArrayList<>();
        String date = r.paymentDate().format(CCYYMMDD);
        BigDecimal total = r.paymentAmount();
        boolean zero = total.signum() == 0;
        List<String> bpr = new ArrayList<>(List.of(zero ? "H" : "I", amount(total), "C", zero ? "NON" : "CHK"));
        for (int i = 5; i <= 15; i++) {
            bpr.add(null);
        }
        bpr.add(date);
        body.add(Segment.of("BPR", bpr.toArray(String[]::new)));
        body.add(Segment.of("TRN", "1", r.traceNumber(), originatingCompany(r.payerId())));
        body.add(Segment.of("DTM", "405", date));
        body.add(Segment.of("N1", "PR", nonEmpty(r.payerName(), "SANDBOX HEALTH")));
        body.add(Segment.of("N3", "1 SANDBOX WAY"));
        body.add(Segment.of("N4", "SPRINGFIELD", "IL", "62701"));
        if (!r.payerId().isBlank()) {
            body.add(Segment.of("REF", "2U", r.payerId()));
        }
        body.add(Segment.of("PER", "BL", "PAYER SANDBOX", "TE", "5555550199"));
        body.add(Segment.of("N1", "PE", nonEmpty(r.payeeName(), "PROVIDER"), "XX",
                nonEmpty(r.payeeNpi(), "0000000000")));
        if (!r.payeeTaxId().isBlank()) {
            body.add(Segment.of("REF", "TJ", r.payeeTaxId()));
        }
        if (!r.claims().isEmpty()) {
            body.add(Segment.of("LX", "1"));
        }
        for (ClaimPayment claim : r.claims()) {
            claim(body, claim);
        }
        List<ProviderAdjustment> plb = r.providerAdjustments();
        for (int from = 0; from < plb.size(); from += PLB_PAIRS) {
            Segment.Builder segment = Segment.builder("PLB").element(nonEmpty(r.payeeNpi(), "0000000000"))
                    .element(r.paymentDate().withMonth(12).withDayOfMonth(31).format(CCYYMMDD));
            for (ProviderAdjustment adjustment : plb.subList(from, Math.min(plb.size(), from + PLB_PAIRS))) {
                segment.composite(adjustment.reason(), adjustment.reference()).element(amount(adjustment.amount()));
            }
            body.add(segment.build());
        }
        return body;
    }

    private static void claim(List<Segment> body, ClaimPayment c) {
        body.add(Segment.of("CLP", c.claimId(), c.statusCode(), amount(c.charge()), amount(c.paid()),
                amount(c.patientResponsibility()),
                c.filingIndicator(), c.payerClaimControlNumber(), emptyToNull(c.facilityCode()),
                emptyToNull(c.frequencyCode())));
        cas(body, c.claimAdjustments());
        body.add(Segment.of("NM1", "QC", "1", nonEmpty(c.patientLastName(), "UNKNOWN"),
                emptyToNull(c.patientFirstName()), null, null, null,
                c.memberId().isBlank() ? null : "MI", emptyToNull(c.memberId())));
        if (c.statementFrom() != null) {
            body.add(Segment.of("DTM", "232", c.statementFrom().format(CCYYMMDD)));
            if (c.statementTo() != null && !c.statementTo().equals(c.statementFrom())) {
                body.add(Segment.of("DTM", "233", c.statementTo().format(CCYYMMDD)));
            }
        }
        for (LinePayment line : c.lines()) {
            List<String> procedure = new ArrayList<>();
            if (line.procedureCode().isBlank() || line.procedureCode().equals(line.revenueCode())) {
                procedure.add("NU");
                procedure.add(line.revenueCode().isBlank() ? line.procedureCode() : line.revenueCode());
            } else {
                procedure.add("HC");
                procedure.add(line.procedureCode());
                procedure.addAll(line.modifiers());
            }
            boolean revenueApart = !procedure.get(0).equals("NU") && !line.revenueCode().isBlank();
            body.add(Segment.builder("SVC").composite(procedure.toArray(String[]::new))
                    .element(amount(line.charge())).element(amount(line.paid()))
                    .element(revenueApart ? line.revenueCode() : null).element(units(line.units())).build());
            LocalDate from = line.serviceDateFrom();
            LocalDate to = line.serviceDateTo();
            if (from != null && (to == null || to.equals(from))) {
                body.add(Segment.of("DTM", "472", from.format(CCYYMMDD)));
            } else if (from != null) {
                body.add(Segment.of("DTM", "150", from.format(CCYYMMDD)));
                body.add(Segment.of("DTM", "151", to.format(CCYYMMDD)));
            }
            cas(body, line.adjustments());
            body.add(Segment.of("REF", "6R", line.controlNumber()));
            body.add(Segment.of("AMT", "B6", amount(line.allowed())));
        }
    }

    /** CAS segments, one per group in order of first appearance, at most six reasons each. */
    private static void cas(List<Segment> body, List<Adjustment> adjustments) {
        Map<String, List<Adjustment>> byGroup = new LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Adjustment>> group : byGroup.entrySet()) {
            List<Adjustment> list = group.getValue();
            for (int from = 0; from < list.size(); from += CAS_TRIPLES) {
                List<String> elements = new ArrayList<>();
                elements.add(group.getKey());
                List<Adjustment> part = list.subList(from, Math.min(list.size(), from + CAS_TRIPLES));
                for (int i = 0; i < part.size(); i++) {
                    if (i > 0) {
                        elements.add(null); // CAS04/07 …: quantity, not used
                    }
                    elements.add(part.get(i).reason());
                    elements.add(amount(part.get(i).amount()));
                }
                body.add(Segment.of("CAS", elements.toArray(String[]::new)));
            }
        }
    }

    /**
     * TRN03: "1" and a 9-digit payer tax id. The sandbox's payers have none, so it is derived from the payer id
     * (stable per payer, different between payers): what payments keys duplicate files on, with TRN02.
     */
    static String originatingCompany(String payerId) {
        long n = Math.floorMod((long) nonEmpty(payerId, SANDBOX_ID).hashCode() * 2_654_435_761L, 1_000_000_000L);
        return "1" + String.format("%09d", n);
    }

    /** Amounts with two decimals (0 for zero), negative with a leading minus. */
    static String amount(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String units(BigDecimal units) {
        return units == null ? "1" : units.stripTrailingZeros().toPlainString();
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
