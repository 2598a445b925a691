package dev.revcycle.claims.x12;

import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Problem;
import dev.revcycle.x12.X12Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the 837P (005010X222A1) and 837I (005010X223A2) files a practice-management system or an EHR
 * sends, into one {@link ImportedClaim} per CLM. The walk follows the HL hierarchy (20 billing
 * provider, 22 subscriber, 23 patient) and the loops inside a claim (2310 providers, 2320/2330 other
 * subscribers — whose NM1*IL and NM1*PR are not this claim's —, 2400 lines).
 *
 * <p>Refused with a {@link X12Exception} naming segment positions and identifiers, never a value: what
 * {@link X12Reader} refuses, a transaction set that is not an 837 of these two guides, a CLM outside a
 * subscriber loop, a line before any CLM, a claim without lines, and amounts or dates that cannot be read.
 */
public final class Claim837Reader {
    public static final String PROFESSIONAL = "005010X222A1";
    public static final String INSTITUTIONAL = "005010X223A2";
    private static final Set<String> GUIDES = Set.of(PROFESSIONAL, INSTITUTIONAL);
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> PRINCIPAL = Set.of("ABK", "BK");
    private static final Set<String> OTHER = Set.of("ABF", "BF");

    private final X12Reader reader = X12Reader.lenient();

    public List<ImportedClaim> read(String x12) throws X12Exception {
        Interchange interchange = reader.read(x12);
        List<ImportedClaim> claims = new ArrayList<>();
        for (TransactionSet transaction : interchange.transactions()) {
            if (!"837".equals(transaction.type()) || !GUIDES.contains(guideOf(transaction))) {
                throw refused(transaction.segments().isEmpty() ? 0 : transaction.segments().get(0).position(), "ST",
                        "the transaction set is not an 837 of 005010X222A1 (professional) or 005010X223A2 (institutional)");
            }
            new Walk(transaction, guideOf(transaction), claims).run();
        }
        if (claims.isEmpty()) {
            throw refused(0, "CLM", "the file holds no claim (CLM)");
        }
        return claims;
    }

    private static String guideOf(TransactionSet transaction) {
        return transaction.implementationGuide() == null ? "" : transaction.implementationGuide().trim();
    }

    static X12Exception refused(int position, String segmentId, String message) {
        return new X12Exception(X12Problem.at(X12Problem.Kind.SYNTAX, position, segmentId, 0, message));
    }

    /** One transaction set's walk; claims are added to the shared list in file order. */
    private static final class Walk {
        private final TransactionSet transaction;
        private final String guide;
        private final List<ImportedClaim> out;
        // hierarchy context
        private String billingNpi;
        private String payerId;
        private String memberId;
        private String relationship;
        private String subscriberFirst, subscriberLast, subscriberSex;
        private LocalDate subscriberDob;
        private String patientFirst, patientLast, patientSex;
        private LocalDate patientDob;
        private String hlLevel = "";
        private String lastNm1 = "";
        // the claim being read
        private Draft claim;
        private Draft.LineDraft line;
        private boolean otherSubscriber;

        Walk(TransactionSet transaction, String guide, List<ImportedClaim> out) {
            this.transaction = transaction;
            this.guide = guide;
            this.out = out;
        }

        void run() throws X12Exception {
            String previous = "";
            for (Segment segment : transaction.segments()) {
                // every address of an 837 is an N3 (street) directly followed by its N4 (city, state, ZIP)
                if ("N3".equals(previous) != "N4".equals(segment.id())) {
                    throw "N4".equals(segment.id())
                            ? refused(segment.position(), "N4", "N4 (city, state, ZIP) must directly follow its N3 (street address)")
                            : refused(segment.position(), segment.id(), "an N3 (street address) must be directly followed by its N4");
                }
                previous = segment.id();
                switch (segment.id()) {
                    case "HL" -> hierarchy(segment);
                    case "SBR" -> subscriber(segment);
                    case "PAT" -> relationship = relationshipOf(segment.element(1));
                    case "NM1" -> name(segment);
                    case "DMG" -> demographics(segment);
                    case "CLM" -> startClaim(segment);
                    case "REF" -> reference(segment);
                    case "DTP" -> date(segment);
                    case "HI" -> diagnoses(segment);
                    case "LX" -> startLine(segment);
                    case "SV1" -> professionalService(segment);
                    case "SV2" -> institutionalService(segment);
                    case "LIN" -> drug(segment);
                    case "SE" -> finishClaim();
                    default -> {
                    }
                }
            }
            finishClaim();
        }

        private void hierarchy(Segment hl) throws X12Exception {
            finishClaim();
            hlLevel = hl.element(3);
            switch (hlLevel) {
                case "20" -> {
                    billingNpi = null;
                    clearSubscriber();
                }
                case "22" -> clearSubscriber();
                case "23" -> {
                    patientFirst = patientLast = patientSex = null;
                    patientDob = null;
                }
                default -> throw refused(hl.position(), "HL", "HL03 must be 20, 22 or 23 in an 837");
            }
        }

        private void clearSubscriber() {
            payerId = memberId = relationship = null;
            subscriberFirst = subscriberLast = subscriberSex = null;
            subscriberDob = null;
            patientFirst = patientLast = patientSex = null;
            patientDob = null;
        }

        private void subscriber(Segment sbr) {
            if (claim != null) {
                otherSubscriber = true; // 2320: another payer's subscriber, not this claim's
                return;
            }
            relationship = "18".equals(sbr.element(2)) ? "SELF" : null;
        }

        private void name(Segment nm1) {
            String entity = nm1.element(1);
            lastNm1 = entity;
            if (otherSubscriber && ("IL".equals(entity) || "PR".equals(entity))) {
                return;
            }
            String id = "XX".equals(nm1.element(8)) ? nm1.element(9) : null;
            switch (entity) {
                case "85" -> billingNpi = nm1.element(9);
                case "IL" -> {
                    subscriberLast = nm1.element(3);
                    subscriberFirst = nm1.element(4);
                    memberId = nm1.element(9);
                }
                case "QC" -> {
                    patientLast = nm1.element(3);
                    patientFirst = nm1.element(4);
                }
                case "PR" -> payerId = nm1.element(9);
                case "82", "71" -> {
                    if (claim != null && line == null && id != null) {
                        claim.renderingNpi = id;
                    }
                }
                case "DN" -> {
                    if (claim != null && line == null && id != null && claim.referringNpi == null) {
                        claim.referringNpi = id;
                    }
                }
                default -> {
                }
            }
        }

        private void demographics(Segment dmg) throws X12Exception {
            LocalDate dob = "D8".equals(dmg.element(1)) ? parseDate(dmg, 2, dmg.element(2)) : null;
            if ("IL".equals(lastNm1) && !otherSubscriber) {
                subscriberDob = dob;
                subscriberSex = dmg.element(3);
            } else if ("QC".equals(lastNm1)) {
                patientDob = dob;
                patientSex = dmg.element(3);
            }
        }

        private void startClaim(Segment clm) throws X12Exception {
            finishClaim();
            if (!"22".equals(hlLevel) && !"23".equals(hlLevel)) {
                throw refused(clm.position(), "CLM", "a claim (CLM) must be inside a subscriber or patient loop (HL 22 or 23)");
            }
            claim = new Draft();
            claim.position = clm.position();
            claim.controlNumber = clm.element(1);
            claim.total = money(clm, 2);
            claim.facility = clm.component(5, 1);
            claim.frequency = clm.component(5, 3);
            otherSubscriber = false;
            line = null;
        }

        private void reference(Segment ref) {
            if (claim == null || line != null) {
                return;
            }
            switch (ref.element(1)) {
                case "G1" -> claim.priorAuthorization = ref.element(2);
                case "EA" -> claim.medicalRecordNumber = ref.element(2);
                default -> {
                }
            }
        }

        private void date(Segment dtp) throws X12Exception {
            if (claim == null) {
                return;
            }
            String value = dtp.element(3);
            LocalDate first = value == null || value.length() < 8 ? null : parseDate(dtp, 3, value.substring(0, 8));
            switch (dtp.element(1)) {
                case "472" -> {
                    if (line != null) {
                        line.serviceDate = first;
                    } else {
                        claim.statementFrom = claim.statementFrom == null ? first : claim.statementFrom;
                    }
                }
                case "434" -> claim.statementFrom = first;
                case "435" -> claim.admission = first;
                case "096" -> claim.discharge = first;
                default -> {
                }
            }
        }

        private void diagnoses(Segment hi) {
            if (claim == null) {
                return;
            }
            for (int i = 1; i <= hi.elementCount(); i++) {
                String qualifier = hi.component(i, 1);
                String code = hi.component(i, 2);
                if (code == null || code.isBlank()) {
                    continue;
                }
                if (PRINCIPAL.contains(qualifier)) {
                    claim.diagnoses.add(0, dotted(code));
                } else if (OTHER.contains(qualifier)) {
                    claim.diagnoses.add(dotted(code));
                }
            }
        }

        private void startLine(Segment lx) throws X12Exception {
            if (claim == null) {
                throw refused(lx.position(), "LX", "a service line (LX) before any claim (CLM)");
            }
            line = new Draft.LineDraft();
            claim.lines.add(line);
        }

        private void professionalService(Segment sv1) throws X12Exception {
            Draft.LineDraft target = lineFor(sv1);
            target.procedureCode = sv1.component(1, 2);
            for (int c = 3; c <= 6; c++) {
                String modifier = sv1.component(1, c);
                if (modifier != null && !modifier.isBlank()) {
                    target.modifiers.add(modifier);
                }
            }
            target.charge = money(sv1, 2);
            target.units = quantity(sv1, 4);
            for (int c = 1; c <= 4; c++) {
                String pointer = sv1.component(7, c);
                if (pointer != null && pointer.matches("\\d{1,2}")) {
                    target.pointers.add(Integer.parseInt(pointer));
                }
            }
        }

        private void institutionalService(Segment sv2) throws X12Exception {
            Draft.LineDraft target = lineFor(sv2);
            target.revenueCode = sv2.element(1);
            target.procedureCode = sv2.component(2, 2);
            for (int c = 3; c <= 6; c++) {
                String modifier = sv2.component(2, c);
                if (modifier != null && !modifier.isBlank()) {
                    target.modifiers.add(modifier);
                }
            }
            target.charge = money(sv2, 3);
            target.units = quantity(sv2, 5);
        }

        private void drug(Segment lin) {
            if (line != null && "N4".equals(lin.element(2))) {
                line.ndc = lin.element(3);
            }
        }

        private Draft.LineDraft lineFor(Segment service) throws X12Exception {
            if (line == null) {
                throw refused(service.position(), service.id(), "a service (" + service.id() + ") outside a service line (LX)");
            }
            return line;
        }

        private void finishClaim() throws X12Exception {
            if (claim == null) {
                return;
            }
            Draft done = claim;
            claim = null;
            line = null;
            otherSubscriber = false;
            if (done.lines.isEmpty()) {
                throw refused(done.position, "CLM", "claim " + (out.size() + 1) + " has no service line (LX)");
            }
            boolean self = "SELF".equals(relationship) || patientLast == null;
            boolean institutional = INSTITUTIONAL.equals(guide);
            List<ImportedClaim.Line> lines = new ArrayList<>();
            for (Draft.LineDraft l : done.lines) {
                LocalDate serviceDate = l.serviceDate != null ? l.serviceDate : done.statementFrom;
                List<Integer> pointers = l.pointers.isEmpty() && institutional ? List.of(1) : l.pointers;
                lines.add(new ImportedClaim.Line(l.procedureCode, l.modifiers, l.units, l.charge, serviceDate, pointers,
                        l.revenueCode, l.ndc));
            }
            String typeOfBill = institutional && done.facility != null && done.frequency != null
                    ? "0" + done.facility + done.frequency : null;
            out.add(new ImportedClaim(out.size() + 1, done.position, guide, done.controlNumber, done.total, billingNpi,
                    done.renderingNpi, done.referringNpi, payerId, memberId, self ? "SELF" : "DEPENDENT",
                    self ? subscriberFirst : patientFirst, self ? subscriberLast : patientLast,
                    self ? subscriberDob : patientDob, self ? subscriberSex : patientSex, done.medicalRecordNumber,
                    institutional ? null : done.facility, typeOfBill, done.frequency, done.admission, done.discharge,
                    done.statementFrom, done.priorAuthorization, done.diagnoses, lines));
        }

        private static String relationshipOf(String code) {
            return "18".equals(code) ? "SELF" : "DEPENDENT";
        }

        private static BigDecimal money(Segment segment, int element) throws X12Exception {
            String value = segment.element(element);
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException | NullPointerException e) {
                throw new X12Exception(X12Problem.at(X12Problem.Kind.SYNTAX, segment.position(), segment.id(), element,
                        segment.id() + String.format("%02d", element) + " is not an amount"));
            }
        }

        private static BigDecimal quantity(Segment segment, int element) throws X12Exception {
            String value = segment.element(element);
            if (value == null || value.isBlank()) {
                return BigDecimal.ONE;
            }
            return money(segment, element);
        }

        private static LocalDate parseDate(Segment segment, int element, String value) throws X12Exception {
            try {
                return LocalDate.parse(value, CCYYMMDD);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new X12Exception(X12Problem.at(X12Problem.Kind.SYNTAX, segment.position(), segment.id(), element,
                        segment.id() + String.format("%02d", element) + " is not a date (CCYYMMDD)"));
            }
        }

        /** ICD codes travel without their dot (E119); a billing rep keys and reads them with it (E11.9). */
        private static String dotted(String code) {
            return code.length() > 3 && code.indexOf('.') < 0 ? code.substring(0, 3) + "." + code.substring(3) : code;
        }
    }

    /** A claim while its segments are read. */
    private static final class Draft {
        int position;
        String controlNumber, facility, frequency, priorAuthorization, medicalRecordNumber, renderingNpi, referringNpi;
        BigDecimal total;
        LocalDate admission, discharge, statementFrom;
        final List<String> diagnoses = new ArrayList<>();
        final List<LineDraft> lines = new ArrayList<>();

        static final class LineDraft {
            String procedureCode, revenueCode, ndc;
            final List<String> modifiers = new ArrayList<>();
            final List<Integer> pointers = new ArrayList<>();
            BigDecimal units, charge;
            LocalDate serviceDate;
        }
    }
}
