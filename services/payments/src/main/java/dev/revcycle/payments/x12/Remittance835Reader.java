package dev.revcycle.payments.x12;

import dev.revcycle.payments.domain.remittance.CasAdjustment;
import dev.revcycle.payments.domain.remittance.ProviderAdjustment;
import dev.revcycle.payments.domain.remittance.Remittance;
import dev.revcycle.payments.domain.remittance.RemittanceClaim;
import dev.revcycle.payments.domain.remittance.ServiceLine;
import dev.revcycle.x12.Element;
import dev.revcycle.x12.FunctionalGroup;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an 835 (005010X221A1) interchange, whatever its delimiters, into one {@link Remittance} per 835
 * transaction.
 *
 * <p>Refused, with a message naming the segment and its position: text that is not X12 (see {@link X12Reader},
 * strict: counts and control numbers must agree — a payment file that does not add up is not posted), an
 * interchange without an 835, an 835 without BPR or TRN, a CLP/SVC/CAS/PLB/BPR amount that is not a decimal
 * with at most two places, a CAS, SVC or PLB outside the loop it belongs to.
 *
 * <p>A warning, not a refusal: a value balancing does not need that is malformed — BPR16, DTM dates, SVC05 units,
 * AMT*B6. The payment date is BPR16, else DTM*405, else the group's GS04 date.
 */
public final class Remittance835Reader {

    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern MONEY = Pattern.compile("-?(\\d+(\\.\\d{0,2})?|\\.\\d{1,2})");

    public List<Remittance> read(String x12) throws Remittance835Exception {
        Interchange interchange;
        try {
            interchange = X12Reader.strict().read(x12);
        } catch (X12Exception e) {
            throw new Remittance835Exception("the 835 cannot be read: " + e.getMessage(), e);
        }
        List<Remittance> remittances = new ArrayList<>();
        for (FunctionalGroup group : interchange.groups()) {
            for (TransactionSet transaction : group.transactions()) {
                if ("835".equals(transaction.type())) {
                    remittances.add(new Transaction(transaction, group.date()).read());
                }
            }
        }
        if (remittances.isEmpty()) {
            throw new Remittance835Exception("the interchange holds no 835 transaction (ST01)");
        }
        return remittances;
    }

    /** One pass over one 835's segments. */
    private static final class Transaction {
        private final TransactionSet transaction;
        private final LocalDate interchangeDate;
        private final List<String> warnings = new ArrayList<>();

        private Segment bpr;
        private Segment trn;
        private String payerName = "";
        private LocalDate bprDate;
        private LocalDate productionDate;
        private final List<RemittanceClaim> claims = new ArrayList<>();
        private final List<ProviderAdjustment> plb = new ArrayList<>();

        private ClaimBuilder claim;
        private LineBuilder line;
        private boolean inPayer;

        Transaction(TransactionSet transaction, LocalDate interchangeDate) {
            this.transaction = transaction;
            this.interchangeDate = interchangeDate;
        }

        Remittance read() throws Remittance835Exception {
            for (Segment segment : transaction.segments()) {
                accept(segment);
            }
            closeClaim();
            if (bpr == null) {
                throw new Remittance835Exception("the 835 (ST02 " + transaction.controlNumber()
                        + ") has no BPR financial information segment");
            }
            if (trn == null || !trn.has(2) || !trn.has(3)) {
                throw new Remittance835Exception("the 835 (ST02 " + transaction.controlNumber()
                        + ") has no TRN reassociation trace with TRN02 and TRN03");
            }
            LocalDate paymentDate = bprDate;
            if (paymentDate == null) {
                paymentDate = productionDate != null ? productionDate : interchangeDate;
            }
            if (paymentDate == null) {
                throw new Remittance835Exception("the 835 has no valid payment date: neither BPR16, DTM*405 nor GS04");
            }
            return new Remittance(payerName, trn.element(3), trn.element(2), amount(bpr, 2), paymentDate,
                    productionDate, interchangeDate, claims, plb, warnings);
        }

        private void accept(Segment s) throws Remittance835Exception {
            switch (s.id()) {
                case "BPR" -> {
                    bpr = s;
                    amount(s, 2);
                    if (s.has(16)) {
                        bprDate = date(s, 16);
                        if (bprDate == null) {
                            warnings.add("BPR16 (segment " + s.position() + ") is not a valid date; the payment date is "
                                    + "taken from DTM*405 or the interchange date");
                        }
                    }
                }
                case "TRN" -> {
                    if (trn == null) {
                        trn = s;
                    }
                }
                case "N1" -> {
                    inPayer = "PR".equals(s.element(1));
                    if (inPayer) {
                        payerName = s.element(2);
                    }
                }
                case "LX" -> {
                    closeClaim();
                    inPayer = false;
                }
                case "CLP" -> {
                    closeClaim();
                    inPayer = false;
                    claim = new ClaimBuilder(s);
                }
                case "CAS" -> cas(s);
                case "SVC" -> {
                    if (claim == null) {
                        throw misplaced(s, "an SVC outside a CLP claim loop");
                    }
                    closeLine();
                    line = new LineBuilder(s, claim.lines.size() + 1);
                }
                case "DTM" -> dtm(s);
                case "REF" -> {
                    if (line != null && "6R".equals(s.element(1))) {
                        line.controlNumber = s.element(2);
                    }
                }
                case "AMT" -> {
                    if (line != null && "B6".equals(s.element(1))) {
                        line.allowed = optionalAmount(s, 2);
                    }
                }
                case "QTY" -> {
                    // Claim supplemental quantities (covered days, visits) do not move money.
                }
                case "LQ" -> {
                    if (line != null && "HE".equals(s.element(1))) {
                        line.remarks.add(s.element(2));
                    }
                }
                case "MOA", "MIA" -> {
                    if (claim != null) {
                        int from = s.id().equals("MOA") ? 3 : 20;
                        int to = s.id().equals("MOA") ? 7 : 24;
                        for (int i = from; i <= to; i++) {
                            if (s.has(i)) {
                                claim.remarks.add(s.element(i));
                            }
                        }
                    }
                }
                case "PLB" -> {
                    closeClaim();
                    plb(s);
                }
                default -> {
                    // NM1, PER, N3, N4, RDM, TS3, TS2, CUR … carry nothing posting needs.
                }
            }
        }

        private void dtm(Segment s) {
            String qualifier = s.element(1);
            if (claim == null) {
                if ("405".equals(qualifier)) {
                    productionDate = date(s, 2);
                    if (productionDate == null) {
                        warnings.add(malformedDate(s));
                    }
                }
                return;
            }
            if (line != null) {
                if ("472".equals(qualifier) || "150".equals(qualifier)) {
                    line.serviceDate = date(s, 2);
                    if (line.serviceDate == null) {
                        warnings.add(malformedDate(s));
                    }
                }
            } else if ("232".equals(qualifier)) {
                claim.serviceDate = date(s, 2);
                if (claim.serviceDate == null) {
                    warnings.add(malformedDate(s));
                }
            }
        }

        private static String malformedDate(Segment s) {
            return "DTM02 (segment " + s.position() + ", DTM*" + s.element(1) + ") is not a valid date; ignored";
        }

        private void cas(Segment s) throws Remittance835Exception {
            if (claim == null) {
                throw misplaced(s, "a CAS outside a CLP claim loop");
            }
            String group = s.element(1);
            if (!List.of("CO", "PR", "OA", "PI", "CR").contains(group)) {
                throw new Remittance835Exception("CAS01 (segment " + s.position()
                        + ") is not a claim adjustment group code (CO, PR, OA, PI, CR)");
            }
            List<CasAdjustment> target = line != null ? line.adjustments : claim.adjustments;
            for (int i = 2; i <= 17; i += 3) {
                if (!s.has(i) && !s.has(i + 1)) {
                    continue;
                }
                if (!s.has(i) || !s.has(i + 1)) {
                    throw new Remittance835Exception("CAS" + String.format("%02d", s.has(i) ? i + 1 : i)
                            + " (segment " + s.position() + ") is missing: a reason code needs its amount");
                }
                BigDecimal quantity = s.has(i + 2) ? optionalDecimal(s, i + 2) : null;
                target.add(new CasAdjustment(group, s.element(i), amount(s, i + 1), quantity));
            }
        }

        private void plb(Segment s) throws Remittance835Exception {
            LocalDate period = s.has(2) ? date(s, 2) : null;
            if (s.has(2) && period == null) {
                warnings.add("PLB02 (segment " + s.position() + ") is not a valid date; ignored");
            }
            for (int i = 3; i <= 13; i += 2) {
                if (!s.has(i) && !s.has(i + 1)) {
                    continue;
                }
                if (!s.has(i) || !s.has(i + 1)) {
                    throw new Remittance835Exception("PLB" + String.format("%02d", s.has(i) ? i + 1 : i)
                            + " (segment " + s.position() + ") is missing: an adjustment identifier needs its amount");
                }
                plb.add(new ProviderAdjustment(s.element(1), period, s.component(i, 1), s.component(i, 2),
                        amount(s, i + 1)));
            }
        }

        private void closeLine() {
            if (line != null) {
                claim.lines.add(line.build());
                line = null;
            }
        }

        private void closeClaim() {
            if (claim != null) {
                closeLine();
                claims.add(claim.build());
                claim = null;
            }
        }

        private static Remittance835Exception misplaced(Segment s, String what) {
            return new Remittance835Exception(what + " (segment " + s.position() + ", " + s.id() + ")");
        }

        private final class ClaimBuilder {
            final Segment clp;
            final BigDecimal charged;
            final BigDecimal paid;
            final BigDecimal patient;
            LocalDate serviceDate;
            final List<CasAdjustment> adjustments = new ArrayList<>();
            final List<String> remarks = new ArrayList<>();
            final List<ServiceLine> lines = new ArrayList<>();

            ClaimBuilder(Segment clp) throws Remittance835Exception {
                this.clp = clp;
                for (int i = 1; i <= 4; i++) {
                    if (!clp.has(i)) {
                        throw new Remittance835Exception("CLP" + String.format("%02d", i) + " (segment "
                                + clp.position() + ") is missing");
                    }
                }
                charged = amount(clp, 3);
                paid = amount(clp, 4);
                patient = clp.has(5) ? amount(clp, 5) : null;
            }

            RemittanceClaim build() {
                return new RemittanceClaim(clp.position(), clp.element(1), clp.element(2), charged, paid, patient,
                        clp.element(6), clp.element(7), serviceDate, adjustments, remarks, lines);
            }
        }

        private final class LineBuilder {
            final Segment svc;
            final int number;
            final BigDecimal charged;
            final BigDecimal paid;
            final BigDecimal units;
            String controlNumber = "";
            LocalDate serviceDate;
            BigDecimal allowed;
            final List<CasAdjustment> adjustments = new ArrayList<>();
            final List<String> remarks = new ArrayList<>();

            LineBuilder(Segment svc, int number) throws Remittance835Exception {
                this.svc = svc;
                this.number = number;
                if (!svc.has(1) || !svc.has(2) || !svc.has(3)) {
                    throw new Remittance835Exception("SVC01, SVC02 and SVC03 (segment " + svc.position()
                            + ") are required");
                }
                charged = amount(svc, 2);
                paid = amount(svc, 3);
                BigDecimal u = svc.has(5) ? optionalDecimal(svc, 5) : BigDecimal.ONE;
                units = u == null ? BigDecimal.ONE : u;
            }

            ServiceLine build() {
                Element procedure = svc.repetitions(1).get(0);
                List<String> modifiers = new ArrayList<>();
                for (int i = 3; i <= 6; i++) {
                    if (!procedure.component(i).isEmpty()) {
                        modifiers.add(procedure.component(i));
                    }
                }
                return new ServiceLine(svc.position(), number, procedure.component(1), procedure.component(2), modifiers,
                        charged, paid, units, controlNumber, serviceDate, allowed, adjustments, remarks);
            }
        }

        /** A money amount balancing needs: a decimal with at most two places, else a refusal. */
        private static BigDecimal amount(Segment s, int position) throws Remittance835Exception {
            String text = s.element(position);
            BigDecimal value = money(text);
            if (value == null) {
                throw new Remittance835Exception(s.id() + String.format("%02d", position) + " (segment "
                        + s.position() + ") is not an amount (a decimal with at most two places)");
            }
            return value;
        }

        /** An amount balancing does not need (AMT*B6): a warning when malformed. */
        private BigDecimal optionalAmount(Segment s, int position) {
            BigDecimal value = money(s.element(position));
            if (value == null) {
                warnings.add(s.id() + String.format("%02d", position) + " (segment " + s.position()
                        + ") is not an amount; ignored");
            }
            return value;
        }

        private BigDecimal optionalDecimal(Segment s, int position) {
            try {
                return new BigDecimal(s.element(position));
            } catch (NumberFormatException e) {
                warnings.add(s.id() + String.format("%02d", position) + " (segment " + s.position()
                        + ") is not a number; ignored");
                return null;
            }
        }

        static BigDecimal money(String text) {
            if (text == null || !MONEY.matcher(text).matches()) {
                return null;
            }
            return new BigDecimal(text).setScale(2);
        }

        private static LocalDate date(Segment s, int position) {
            try {
                return LocalDate.parse(s.element(position), CCYYMMDD);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
