package dev.revcycle.sandbox.claims;

import dev.revcycle.x12.Element;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the claims (CLM loops 2300/2400) of one 837P or 837I transaction, with the billing provider
 * (2010AA), subscriber (2010BA), payer (2010BB) and patient (2010CA) they belong to.
 */
final class ClaimReader {

    private ClaimReader() {
    }

    static List<ReceivedClaim> read(String submitter, TransactionSet transaction) {
        List<ReceivedClaim> claims = new ArrayList<>();
        String level = "";
        String providerName = "";
        String providerNpi = "";
        String providerTaxId = "";
        String payerName = "";
        String payerId = "";
        String subLast = "";
        String subFirst = "";
        String memberId = "";
        String patLast = "";
        String patFirst = "";
        String responsibility = "";
        String filing = "";
        Draft claim = null;
        LineDraft line = null;
        for (Segment s : transaction.segments()) {
            switch (s.id()) {
                case "HL" -> {
                    claim = finish(claim, line, claims);
                    line = null;
                    level = s.element(3);
                    if (level.equals("22")) {
                        patLast = "";
                        patFirst = "";
                    }
                }
                case "NM1" -> {
                    if (claim != null) {
                        break; // 2310/2420 names: not needed
                    }
                    switch (s.element(1)) {
                        case "85" -> {
                            providerName = s.element(3);
                            providerNpi = s.element(9);
                        }
                        case "IL" -> {
                            subLast = s.element(3);
                            subFirst = s.element(4);
                            memberId = s.element(9);
                        }
                        case "PR" -> {
                            payerName = s.element(3);
                            payerId = s.element(9);
                        }
                        case "QC" -> {
                            patLast = s.element(3);
                            patFirst = s.element(4);
                        }
                        default -> {
                            // submitter, receiver, pay-to …
                        }
                    }
                }
                case "SBR" -> {
                    if (claim == null) {
                        responsibility = s.element(1);
                        filing = s.element(9);
                    } // else 2320: another payer's subscriber
                }
                case "AMT" -> {
                    if (claim != null && line == null && s.element(1).equals("D")) {
                        claim.priorPaid = claim.priorPaid.add(money(s.element(2)));
                    }
                }
                case "SVD" -> {
                    if (line != null) {
                        line.priorPaid = (line.priorPaid == null ? BigDecimal.ZERO.setScale(2) : line.priorPaid)
                                .add(money(s.element(2)));
                    }
                }
                case "CAS" -> {
                    if (claim != null && !s.element(1).equals("PR")) {
                        BigDecimal adjusted = BigDecimal.ZERO.setScale(2);
                        for (int amount = 3; amount <= 18; amount += 3) {
                            // OA-23 is an earlier payer's record of the payers before it (a tertiary claim's second
                            // 2430): those payers' own loops count already
                            boolean priorPayers = s.element(1).equals("OA") && s.element(amount - 1).equals("23");
                            if (!s.element(amount).isEmpty() && !priorPayers) {
                                adjusted = adjusted.add(money(s.element(amount)));
                            }
                        }
                        if (line != null) {
                            line.priorAdjusted = line.priorAdjusted.add(adjusted);
                        } else {
                            claim.priorAdjusted = claim.priorAdjusted.add(adjusted);
                        }
                    }
                }
                case "REF" -> {
                    if (claim == null && level.equals("20") && (s.element(1).equals("EI") || s.element(1).equals("SY"))) {
                        providerTaxId = s.element(2);
                    } else if (line != null && s.element(1).equals("6R")) {
                        line.control = s.element(2);
                    }
                }
                case "CLM" -> {
                    claim = finish(claim, line, claims);
                    line = null;
                    claim = new Draft(submitter, s.element(1), money(s.element(2)), payerName, payerId, providerName,
                            providerNpi, providerTaxId, subLast, subFirst, memberId,
                            patLast.isEmpty() ? subLast : patLast, patLast.isEmpty() ? subFirst : patFirst,
                            responsibility, filing, s.component(5, 1), s.component(5, 3));
                }
                case "HI" -> {
                    if (claim != null && claim.firstDiagnosis == null) {
                        // HI01-2; some files (the imsweb samples) write the qualifier and code as two elements.
                        String code = s.component(1, 2);
                        claim.firstDiagnosis = code.isEmpty() ? s.element(2) : code;
                    }
                }
                case "LX" -> {
                    if (claim != null) {
                        if (line != null) {
                            claim.lines.add(line);
                        }
                        line = new LineDraft(parseInt(s.element(1), claim.lines.size() + 1));
                    }
                }
                case "SV1" -> {
                    if (line != null) {
                        procedure(line, s.repetitions(1).get(0));
                        line.charge = money(s.element(2));
                        line.units = units(s.element(4));
                    }
                }
                case "SV2" -> {
                    if (line != null) {
                        procedure(line, s.repetitions(2).get(0));
                        line.revenueCode = s.element(1);
                        if (line.code.isEmpty()) {
                            line.code = s.element(1); // revenue code only
                        }
                        line.charge = money(s.element(3));
                        line.units = units(s.element(5));
                    }
                }
                case "DTP" -> {
                    if (line != null && s.element(1).equals("472")) {
                        String value = s.element(3);
                        line.from = ClaimAcknowledger.date(value.length() >= 8 ? value.substring(0, 8) : value);
                        line.to = value.length() >= 17 ? ClaimAcknowledger.date(value.substring(9, 17)) : line.from;
                    }
                }
                default -> {
                    // not needed
                }
            }
        }
        finish(claim, line, claims);
        return claims;
    }

    private static void procedure(LineDraft line, Element composite) {
        line.code = composite.component(2);
        for (int m = 3; m <= 6; m++) {
            if (!composite.component(m).isEmpty()) {
                line.modifiers.add(composite.component(m));
            }
        }
    }

    private static Draft finish(Draft claim, LineDraft line, List<ReceivedClaim> claims) {
        if (claim == null) {
            return null;
        }
        if (line != null) {
            claim.lines.add(line);
        }
        List<ReceivedClaim.Line> lines = new ArrayList<>();
        for (LineDraft l : claim.lines) {
            lines.add(new ReceivedClaim.Line(l.number, l.code, l.modifiers, l.charge, l.units, l.from, l.to,
                    l.control, l.revenueCode, l.priorPaid, l.priorAdjusted));
        }
        claims.add(new ReceivedClaim(claim.submitter, claim.id, claim.charge,
                claim.firstDiagnosis == null ? "" : claim.firstDiagnosis, claim.payerName, claim.payerId,
                claim.providerName, claim.providerNpi, claim.providerTaxId, claim.subLast, claim.subFirst,
                claim.memberId, claim.patLast, claim.patFirst, lines,
                ClaimAcknowledger.payerClaimControlNumber(claim.submitter, claim.id), claim.responsibility,
                claim.filing, claim.facility, claim.frequency, claim.priorPaid, claim.priorAdjusted));
        return null;
    }

    private static BigDecimal money(String value) {
        try {
            return new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO.setScale(2);
        }
    }

    private static BigDecimal units(String value) {
        try {
            return value.isEmpty() ? BigDecimal.ONE : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return BigDecimal.ONE;
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static final class Draft {
        final String submitter;
        final String id;
        final BigDecimal charge;
        final String payerName;
        final String payerId;
        final String providerName;
        final String providerNpi;
        final String providerTaxId;
        final String subLast;
        final String subFirst;
        final String memberId;
        final String patLast;
        final String patFirst;
        final String responsibility;
        final String filing;
        final String facility;
        final String frequency;
        String firstDiagnosis;
        BigDecimal priorPaid = BigDecimal.ZERO.setScale(2);
        BigDecimal priorAdjusted = BigDecimal.ZERO.setScale(2);
        final List<LineDraft> lines = new ArrayList<>();

        Draft(String submitter, String id, BigDecimal charge, String payerName, String payerId, String providerName,
                String providerNpi, String providerTaxId, String subLast, String subFirst, String memberId,
                String patLast, String patFirst, String responsibility, String filing, String facility,
                String frequency) {
            this.submitter = submitter;
            this.id = id;
            this.charge = charge;
            this.payerName = payerName;
            this.payerId = payerId;
            this.providerName = providerName;
            this.providerNpi = providerNpi;
            this.providerTaxId = providerTaxId;
            this.subLast = subLast;
            this.subFirst = subFirst;
            this.memberId = memberId;
            this.patLast = patLast;
            this.patFirst = patFirst;
            this.responsibility = responsibility;
            this.filing = filing;
            this.facility = facility;
            this.frequency = frequency;
        }
    }

    private static final class LineDraft {
        final int number;
        String code = "";
        final List<String> modifiers = new ArrayList<>();
        BigDecimal charge = BigDecimal.ZERO.setScale(2);
        BigDecimal units = BigDecimal.ONE;
        LocalDate from;
        LocalDate to;
        String control;
        String revenueCode = "";
        BigDecimal priorPaid;
        BigDecimal priorAdjusted = BigDecimal.ZERO.setScale(2);

        LineDraft(int number) {
            this.number = number;
        }
    }
}
