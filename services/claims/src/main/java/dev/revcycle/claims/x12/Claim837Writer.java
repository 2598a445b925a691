package dev.revcycle.claims.x12;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PostalAddress;
import dev.revcycle.claims.domain.PriorPayer;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.X12CharacterSet;
import dev.revcycle.x12.X12Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Writes a submission batch as one X12 interchange: one functional group (GS*HC) and one 837 transaction
 * per claim type — 005010X222A1 for professional claims, 005010X223A2 for institutional ones. Inside a
 * transaction: 1000A submitter, 1000B receiver, then per claim a 2000A billing provider (HL 20), a 2000B
 * subscriber (HL 22) with 2010BA/2010BB, a 2000C patient (HL 23) when the subscriber is not the patient,
 * the 2300 claim and its 2400 lines. HL ids run 1, 2 … within the transaction, each child naming its
 * parent; SE01, GE01 and IEA01 are counted by {@link X12Writer}.
 *
 * <p>Text (names, addresses) is {@linkplain X12CharacterSet#transliterate transliterated} to the X12 character
 * set here, so a delimiter typed in a name becomes a space instead of refusing the batch. Diagnosis codes
 * are written without their dot (E11.9 → E119), as the guides require. Self-pay claims (no coverage)
 * cannot be sent and are refused with an {@link IllegalArgumentException} naming the claim's id only.
 */
public final class Claim837Writer {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** Who sends (1000A, GS02) and who receives (1000B, GS03). */
    public record Parties(String submitterName, String submitterId, String contactName, String contactPhone,
                          String receiverName, String receiverId) {
        public Parties {
            Objects.requireNonNull(submitterName, "submitterName");
            Objects.requireNonNull(submitterId, "submitterId");
            Objects.requireNonNull(receiverName, "receiverName");
            Objects.requireNonNull(receiverId, "receiverId");
        }
    }

    /** One 837 transaction of the file: its GS06 and ST02 and the claims in it, in order. */
    public record WrittenTransaction(ClaimType type, long groupControlNumber, String transactionControlNumber,
                                     List<UUID> claimIds) {
        public WrittenTransaction {
            claimIds = List.copyOf(claimIds);
        }
    }

    /** The file and its control numbers (ISA13, and per transaction GS06/ST02). */
    public record Written(String x12, long interchangeControlNumber, List<WrittenTransaction> transactions) {
        public Written {
            transactions = List.copyOf(transactions);
        }

        @Override
        public String toString() {
            return "Written[ISA13=" + interchangeControlNumber + ", " + transactions.size() + " transaction(s)]";
        }
    }

    private final X12Writer writer;
    private final Parties parties;
    private final Clock clock;

    public Claim837Writer(InterchangeSettings settings, Parties parties, Clock clock) {
        this.writer = new X12Writer(settings, clock);
        this.parties = Objects.requireNonNull(parties, "parties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param controlNumbers gives ISA13 first, then one GS06 per group (e.g. a database sequence), 1 to 999999999
     * @param claims         at least one; every one with a coverage
     */
    public Written write(LongSupplier controlNumbers, List<BillableClaim> claims) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("a submission batch needs at least one claim");
        }
        Map<ClaimType, List<BillableClaim>> byType = new EnumMap<>(ClaimType.class);
        for (BillableClaim claim : claims) {
            if (claim.coverage() == null || claim.claim().selfPay()) {
                throw new IllegalArgumentException("claim " + claim.claim().id() + " is self-pay: no payer to send it to");
            }
            byType.computeIfAbsent(claim.claim().type(), t -> new ArrayList<>()).add(claim);
        }
        long isa13 = controlNumbers.getAsLong();
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<OutgoingGroup> groups = new ArrayList<>();
        List<WrittenTransaction> written = new ArrayList<>();
        for (Map.Entry<ClaimType, List<BillableClaim>> entry : byType.entrySet()) {
            long gs06 = controlNumbers.getAsLong();
            ClaimType type = entry.getKey();
            List<Segment> body = transaction(type, entry.getValue(), gs06, now);
            groups.add(new OutgoingGroup("HC", parties.submitterId(), parties.receiverId(), gs06,
                    type.implementationGuide(), List.of(new OutgoingTransaction("837", body))));
            // X12Writer numbers the transactions of each group 0001, 0002 …
            written.add(new WrittenTransaction(type, gs06, "0001",
                    entry.getValue().stream().map(c -> c.claim().id()).toList()));
        }
        return new Written(writer.write(isa13, groups), isa13, written);
    }

    private List<Segment> transaction(ClaimType type, List<BillableClaim> claims, long gs06, ZonedDateTime now) {
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0019", "00", String.valueOf(gs06), now.format(CCYYMMDD), now.format(HHMM), "CH"));
        body.add(Segment.of("NM1", "41", "2", text(parties.submitterName()), null, null, null, null, "46",
                parties.submitterId()));
        if (parties.contactName() != null && parties.contactPhone() != null) {
            body.add(Segment.of("PER", "IC", text(parties.contactName()), "TE", digits(parties.contactPhone())));
        }
        body.add(Segment.of("NM1", "40", "2", text(parties.receiverName()), null, null, null, null, "46",
                parties.receiverId()));
        int hl = 0;
        // one 2000A per billing provider, each of its claims under its own 2000B
        Map<UUID, List<BillableClaim>> byBilling = new LinkedHashMap<>();
        for (BillableClaim claim : claims) {
            byBilling.computeIfAbsent(claim.billingProvider().id(), id -> new ArrayList<>()).add(claim);
        }
        for (List<BillableClaim> group : byBilling.values()) {
            Provider billing = group.get(0).billingProvider();
            int billingHl = ++hl;
            body.add(Segment.of("HL", String.valueOf(billingHl), null, "20", "1"));
            if (billing.taxonomyCode() != null) {
                body.add(Segment.of("PRV", "BI", "PXC", billing.taxonomyCode()));
            }
            body.add(providerName("85", billing));
            address(body, billing.address());
            body.add(Segment.of("REF", "EI", digits(billing.taxId())));
            for (BillableClaim claim : group) {
                hl = subscriber(body, type, claim, billingHl, hl);
            }
        }
        return body;
    }

    /** 2000B (and 2000C) with the claim; returns the last HL id used. */
    private int subscriber(List<Segment> body, ClaimType type, BillableClaim billable, int parentHl, int hl) {
        CoverageFacts coverage = billable.coverage();
        PatientFacts patient = billable.patient();
        boolean self = coverage.subscriberIsPatient();
        int subscriberHl = ++hl;
        body.add(Segment.of("HL", String.valueOf(subscriberHl), String.valueOf(parentHl), "22", self ? "0" : "1"));
        String group = blankToNull(coverage.groupNumber());
        body.add(Segment.of("SBR", payerResponsibility(coverage.priority()), self ? "18" : null, group,
                group == null ? text(coverage.planName()) : null,
                type == ClaimType.PROFESSIONAL ? medicareSecondaryType(coverage, billable.priorPayers()) : null,
                null, null, null, claimFilingCode(coverage.payerType())));
        if (self) {
            body.add(personName("IL", patient.lastName(), patient.firstName(), "MI", coverage.memberId()));
            address(body, patient.address());
            body.add(Segment.of("DMG", "D8", date(patient.dateOfBirth()), sex(patient.sex())));
        } else {
            body.add(personName("IL", coverage.subscriberLastName(), coverage.subscriberFirstName(), "MI",
                    coverage.memberId()));
        }
        body.add(Segment.of("NM1", "PR", "2", text(coverage.payerName()), null, null, null, null, "PI",
                coverage.x12PayerId()));
        if (!self) {
            hl++;
            body.add(Segment.of("HL", String.valueOf(hl), String.valueOf(subscriberHl), "23", "0"));
            body.add(Segment.of("PAT", patientRelationship(coverage.subscriberRelationship())));
            body.add(personName("QC", patient.lastName(), patient.firstName(), null, null));
            address(body, patient.address());
            body.add(Segment.of("DMG", "D8", date(patient.dateOfBirth()), sex(patient.sex())));
        }
        claim(body, type, billable);
        return hl;
    }

    private void claim(List<Segment> body, ClaimType type, BillableClaim billable) {
        Claim claim = billable.claim();
        String frequency = claim.frequencyCode() == null ? "1" : claim.frequencyCode();
        boolean institutional = type == ClaimType.INSTITUTIONAL;
        Segment.Builder clm = Segment.builder("CLM").element(claim.patientControlNumber()).element(money(claim.totalCharge()))
                .element(null).element(null);
        if (institutional) {
            String bill = claim.typeOfBill() == null ? "" : claim.typeOfBill().replaceFirst("^0", "");
            String facility = bill.length() >= 2 ? bill.substring(0, 2) : bill;
            // a correction (7) or a void (8) says so whatever the bill type's last digit was
            String billFrequency = !"1".equals(frequency) || bill.length() < 3 ? frequency : bill.substring(2, 3);
            clm.composite(facility, "A", billFrequency).element(null).element("A").element("Y").element("Y");
        } else {
            clm.composite(claim.placeOfService(), "B", frequency).element("Y").element("A").element("Y").element("Y");
        }
        body.add(clm.build());
        if (institutional) {
            LocalDate from = claim.firstServiceDate();
            LocalDate to = claim.dischargeDate() != null ? claim.dischargeDate() : claim.lastServiceDate();
            if (claim.admissionDate() != null) {
                from = claim.admissionDate();
            }
            if (from != null && to != null) {
                body.add(Segment.of("DTP", "434", "RD8", date(from) + "-" + date(to)));
            }
            if (claim.admissionDate() != null) {
                body.add(Segment.of("DTP", "435", "D8", date(claim.admissionDate())));
            }
            body.add(Segment.of("CL1", "9", null, "01"));
        }
        if (blankToNull(claim.priorAuthorization()) != null) {
            body.add(Segment.of("REF", "G1", text(claim.priorAuthorization())));
        }
        if (blankToNull(billable.originalPayerClaimControlNumber()) != null) { // the claim a 7 or an 8 replaces
            body.add(Segment.of("REF", "F8", text(billable.originalPayerClaimControlNumber())));
        }
        List<String> codes = claim.diagnoses().stream().map(Claim837Writer::icd).toList();
        if (!codes.isEmpty()) {
            if (institutional) {
                body.add(Segment.builder("HI").composite("ABK", codes.get(0)).build());
                if (codes.size() > 1) {
                    Segment.Builder other = Segment.builder("HI");
                    codes.subList(1, codes.size()).forEach(code -> other.composite("ABF", code));
                    body.add(other.build());
                }
            } else {
                Segment.Builder hi = Segment.builder("HI").composite("ABK", codes.get(0));
                codes.subList(1, codes.size()).forEach(code -> hi.composite("ABF", code));
                body.add(hi.build());
            }
        }
        Provider rendering = billable.renderingProvider();
        Provider referring = billable.referringProvider();
        if (institutional) {
            if (rendering != null) { // 2310A attending
                body.add(providerName("71", rendering));
                if (rendering.taxonomyCode() != null) {
                    body.add(Segment.of("PRV", "AT", "PXC", rendering.taxonomyCode()));
                }
            }
            if (referring != null) { // 2310F
                body.add(providerName("DN", referring));
            }
        } else {
            if (referring != null) { // 2310A
                body.add(providerName("DN", referring));
            }
            if (rendering != null) { // 2310B
                body.add(providerName("82", rendering));
                if (rendering.taxonomyCode() != null) {
                    body.add(Segment.of("PRV", "PE", "PXC", rendering.taxonomyCode()));
                }
            }
        }
        for (PriorPayer prior : billable.priorPayers()) {
            otherPayer(body, institutional, billable.patient(), prior);
        }
        for (ClaimLine line : claim.lines()) {
            body.add(Segment.of("LX", String.valueOf(line.lineNumber())));
            List<String> procedure = new ArrayList<>();
            procedure.add("HC");
            procedure.add(line.procedureCode());
            procedure.addAll(line.modifiers());
            if (institutional) {
                body.add(Segment.builder("SV2").element(line.revenueCode()).composite(procedure.toArray(String[]::new))
                        .element(money(line.chargeAmount())).element("UN").element(quantity(line.units())).build());
            } else {
                Segment.Builder sv1 = Segment.builder("SV1").composite(procedure.toArray(String[]::new))
                        .element(money(line.chargeAmount())).element("UN").element(quantity(line.units()))
                        .element(null).element(null);
                List<String> pointers = line.diagnosisPointers().stream().map(String::valueOf).toList();
                if (pointers.size() == 1) {
                    sv1.element(pointers.get(0));
                } else if (!pointers.isEmpty()) {
                    sv1.composite(pointers.toArray(String[]::new));
                }
                body.add(sv1.build());
            }
            if (line.serviceDate() != null) {
                body.add(Segment.of("DTP", "472", "D8", date(line.serviceDate())));
            }
            if (blankToNull(line.ndc()) != null) { // 2410
                body.add(Segment.of("LIN", null, "N4", digits(line.ndc())));
                body.add(Segment.of("CTP", null, null, null, quantity(line.units()), "UN"));
            }
            for (PriorPayer prior : billable.priorPayers()) {
                lineAdjudication(body, institutional, line, procedure, prior);
            }
        }
    }

    /**
     * 2320 (other subscriber information: the earlier payer's responsibility, its claim-level CAS, what it paid and
     * the patient's share it left), 2330A (the other subscriber) and 2330B (the other payer, its paid date and its
     * claim control number).
     */
    private void otherPayer(List<Segment> body, boolean institutional, PatientFacts patient, PriorPayer prior) {
        CoverageFacts other = prior.coverage();
        String group = blankToNull(other.groupNumber());
        body.add(Segment.of("SBR", payerResponsibility(other.priority()), individualRelationship(other.subscriberRelationship()),
                group, group == null ? text(other.planName()) : null, null, null, null, null,
                claimFilingCode(other.payerType())));
        adjustments(body, prior.claimAdjustments());
        body.add(Segment.of("AMT", "D", money(prior.paid())));
        if (prior.patientResponsibility().signum() > 0) {
            body.add(Segment.of("AMT", "EAF", money(prior.patientResponsibility())));
        }
        body.add(institutional ? Segment.of("OI", null, null, "Y", null, null, "Y")
                : Segment.of("OI", null, null, "Y", "P", null, "Y"));
        if (other.subscriberIsPatient()) {
            body.add(personName("IL", patient.lastName(), patient.firstName(), "MI", other.memberId()));
        } else {
            body.add(personName("IL", other.subscriberLastName(), other.subscriberFirstName(), "MI", other.memberId()));
        }
        body.add(Segment.of("NM1", "PR", "2", text(other.payerName()), null, null, null, null, "PI", other.x12PayerId()));
        if (prior.paidDate() != null) {
            body.add(Segment.of("DTP", "573", "D8", date(prior.paidDate())));
        }
        if (blankToNull(prior.payerClaimControlNumber()) != null) {
            body.add(Segment.of("REF", "F8", text(prior.payerClaimControlNumber())));
        }
    }

    /** 2430: what the earlier payer paid for the line (SVD, SVD01 = its 2330B id), its CAS and the date (DTP*573). */
    private static void lineAdjudication(List<Segment> body, boolean institutional, ClaimLine line, List<String> procedure,
                                         PriorPayer prior) {
        PriorPayer.Line answered = prior.line(line.lineNumber());
        if (answered == null) {
            return;
        }
        body.add(Segment.builder("SVD").element(prior.coverage().x12PayerId()).element(money(answered.paid()))
                .composite(procedure.toArray(String[]::new)).element(institutional ? line.revenueCode() : null)
                .element(quantity(line.units())).build());
        adjustments(body, answered.adjustments());
        if (prior.paidDate() != null) {
            body.add(Segment.of("DTP", "573", "D8", date(prior.paidDate())));
        }
    }

    /** One CAS per group code, in the order the groups first appear, at most six reasons each (more go in another CAS). */
    private static void adjustments(List<Segment> body, List<PriorPayer.Adjustment> adjustments) {
        Map<String, List<PriorPayer.Adjustment>> byGroup = new LinkedHashMap<>();
        for (PriorPayer.Adjustment a : adjustments) {
            byGroup.computeIfAbsent(a.groupCode(), g -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<PriorPayer.Adjustment>> group : byGroup.entrySet()) {
            List<PriorPayer.Adjustment> all = group.getValue();
            for (int from = 0; from < all.size(); from += 6) {
                Segment.Builder cas = Segment.builder("CAS").element(group.getKey());
                for (PriorPayer.Adjustment a : all.subList(from, Math.min(all.size(), from + 6))) {
                    cas.element(a.reasonCode()).element(money(a.amount())).element(null);
                }
                body.add(cas.build());
            }
        }
    }

    /**
     * 2000B SBR05 of a professional claim whose destination payer is Medicare but not primary: the Medicare Secondary
     * Payer type. The coverage's own MSP type when eligibility has it (13 ESRD, 16 federal agency, 43 disabled with a
     * large group plan … — what only the patient's MSP questionnaire can tell); else from the earlier payers' kinds:
     * workers' compensation 15, no-fault/auto 14, liability 47, VA 42, black lung 41; otherwise 12 (working aged,
     * employer group health plan — the common case). Null otherwise.
     */
    static String medicareSecondaryType(CoverageFacts destination, List<PriorPayer> priorPayers) {
        if (!"MEDICARE".equals(destination.payerType()) || "P".equals(payerResponsibility(destination.priority()))) {
            return null;
        }
        if (destination.medicareSecondaryType() != null) {
            switch (destination.medicareSecondaryType()) {
                case "WORKING_AGED" -> { return "12"; }
                case "END_STAGE_RENAL_DISEASE" -> { return "13"; }
                case "NO_FAULT" -> { return "14"; }
                case "WORKERS_COMPENSATION" -> { return "15"; }
                case "FEDERAL_AGENCY" -> { return "16"; }
                case "BLACK_LUNG" -> { return "41"; }
                case "VETERANS_AFFAIRS" -> { return "42"; }
                case "DISABLED_LARGE_GROUP" -> { return "43"; }
                case "OTHER_LIABILITY" -> { return "47"; }
                default -> { }
            }
        }
        for (PriorPayer prior : priorPayers) {
            String type = prior.coverage().payerType() == null ? "" : prior.coverage().payerType();
            switch (type) {
                case "WORKERS_COMP", "WORKERS_COMPENSATION" -> { return "15"; }
                case "AUTO", "NO_FAULT" -> { return "14"; }
                case "LIABILITY" -> { return "47"; }
                case "VA" -> { return "42"; }
                case "BLACK_LUNG" -> { return "41"; }
                default -> { }
            }
        }
        return "12";
    }

    /** 2320 SBR02: the patient's relationship to the other subscriber (18 self, 01 spouse, 19 child, G8 other). */
    static String individualRelationship(String relationship) {
        return "SELF".equals(relationship) ? "18" : patientRelationship(relationship);
    }

    private static Segment providerName(String entity, Provider provider) {
        if (provider.entityType() == ProviderEntityType.PERSON) {
            return Segment.of("NM1", entity, "1", text(provider.lastName()), text(provider.firstName()), null, null,
                    null, "XX", provider.npi());
        }
        return Segment.of("NM1", entity, "2", text(provider.name()), null, null, null, null, "XX", provider.npi());
    }

    private static Segment personName(String entity, String last, String first, String qualifier, String id) {
        return Segment.of("NM1", entity, "1", text(last), text(first), null, null, null, qualifier,
                id == null ? null : text(id));
    }

    private static void address(List<Segment> body, PostalAddress address) {
        if (address == null) {
            return;
        }
        body.add(Segment.of("N3", text(address.line1()), text(blankToNull(address.line2()))));
        body.add(Segment.of("N4", text(address.city()), address.state(), digits(address.postalCode())));
    }

    /** SBR01: PRIMARY P, SECONDARY S, TERTIARY T. */
    static String payerResponsibility(String priority) {
        return switch (priority == null ? "PRIMARY" : priority) {
            case "SECONDARY" -> "S";
            case "TERTIARY" -> "T";
            default -> "P";
        };
    }

    /** SBR09 from the payer's type. */
    static String claimFilingCode(String payerType) {
        return switch (payerType == null ? "" : payerType) {
            case "MEDICARE" -> "MB";
            case "MEDICARE_ADVANTAGE" -> "16";
            case "MEDICAID" -> "MC";
            case "BCBS", "BLUE_CROSS" -> "BL";
            case "TRICARE", "CHAMPUS" -> "CH";
            case "VA" -> "VA";
            case "WORKERS_COMP", "WORKERS_COMPENSATION" -> "WC";
            case "HMO" -> "HM";
            case "PPO" -> "12";
            case "SELF_PAY" -> "09";
            default -> "CI";
        };
    }

    /** PAT01 / the relationship of the patient to the subscriber. */
    static String patientRelationship(String relationship) {
        return switch (relationship == null ? "" : relationship) {
            case "SPOUSE" -> "01";
            case "CHILD" -> "19";
            default -> "G8";
        };
    }

    private static String sex(String sex) {
        return "F".equals(sex) || "M".equals(sex) ? sex : "U";
    }

    static String icd(String code) {
        return code == null ? null : code.replace(".", "").trim().toUpperCase(java.util.Locale.ROOT);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "0" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String quantity(BigDecimal units) {
        return units == null ? "1" : units.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.format(CCYYMMDD);
    }

    private static String digits(String value) {
        return value == null ? null : value.replaceAll("[^0-9A-Za-z]", "");
    }

    private static String text(String value) {
        return value == null ? null : X12CharacterSet.transliterate(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
