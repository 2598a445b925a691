package dev.revcycle.sandbox.claims;

import dev.revcycle.sandbox.rules.ClaimRule;
import dev.revcycle.sandbox.rules.SandboxRules;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Problem;
import dev.revcycle.x12.X12Reader;
import dev.revcycle.x12.X12Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers an 837P/837I interchange as a clearinghouse and payer front end do: a 999 for its syntax and, for
 * the transactions the 999 accepts, a 277CA with one claim status per CLM by
 * {@link SandboxRules#CLAIM_ACKNOWLEDGEMENT}.
 */
public final class ClaimAcknowledger {

    static final String GUIDE_999 = "005010X231A1";
    static final String GUIDE_277CA = "005010X214";
    static final String SANDBOX_ID = "PAYERSANDBOX";
    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final Clock clock;

    public ClaimAcknowledger(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Acknowledgement acknowledge(String x12) throws NotAnInterchangeException {
        RawInterchange raw = RawInterchange.of(x12);
        List<Issue> issues = new ArrayList<>();
        Interchange interchange = null;
        try {
            interchange = X12Reader.lenient().read(x12);
        } catch (X12Exception e) {
            for (X12Problem problem : e.problems()) {
                issues.add(Issue.of(problem, raw));
            }
        }
        if (interchange != null) {
            checkTypes(interchange);
            issues.addAll(StructureCheck.check(raw));
        } else {
            raw.checkTypes();
        }
        String submitter = raw.senderId();
        String isa13 = raw.controlNumber();
        List<AnswerFile> files = new ArrayList<>();
        Map<RawInterchange.RawTransaction, List<Issue>> byTransaction = new LinkedHashMap<>();
        for (RawInterchange.RawTransaction t : raw.transactions()) {
            byTransaction.put(t, new ArrayList<>());
        }
        boolean unattributed = false;
        for (Issue issue : issues) {
            RawInterchange.RawTransaction owner = raw.transactionAt(issue.position());
            if (owner == null) {
                unattributed = true;
            } else {
                byTransaction.get(owner).add(issue);
            }
        }
        files.add(new AnswerFile("999", write999(raw, byTransaction, unattributed)));
        if (interchange == null || unattributed) {
            return new Acknowledgement(submitter, isa13, files, List.of(), returnAddress(raw));
        }
        List<TransactionSet> accepted = new ArrayList<>();
        List<RawInterchange.RawTransaction> rawList = raw.transactions();
        List<TransactionSet> read = interchange.transactions();
        for (int i = 0; i < read.size() && i < rawList.size(); i++) {
            if (byTransaction.get(rawList.get(i)).isEmpty()) {
                accepted.add(read.get(i));
            }
        }
        List<ReceivedClaim> acceptedClaims = new ArrayList<>();
        List<OutgoingTransaction> statuses = new ArrayList<>();
        for (TransactionSet transaction : accepted) {
            List<ReceivedClaim> claims = ClaimReader.read(submitter, transaction);
            if (claims.isEmpty()) {
                continue;
            }
            statuses.add(new OutgoingTransaction("277", body277(transaction, raw, claims, acceptedClaims)));
        }
        if (!statuses.isEmpty()) {
            OutgoingGroup group = new OutgoingGroup("HN", SANDBOX_ID, applicationCode(raw.applicationSender()),
                    controlNumber(isa13), GUIDE_277CA, statuses);
            files.add(new AnswerFile("277CA", writer(raw).write(controlNumber(isa13), group)));
        }
        return new Acknowledgement(submitter, isa13, files, acceptedClaims, returnAddress(raw));
    }

    private static Acknowledgement.ReturnAddress returnAddress(RawInterchange raw) {
        return new Acknowledgement.ReturnAddress(
                raw.senderQualifier().length() == 2 ? raw.senderQualifier() : "ZZ",
                applicationCode(raw.applicationSender()), "P".equals(raw.usage()));
    }

    private static void checkTypes(Interchange interchange) throws NotAnInterchangeException {
        if (interchange.transactions().isEmpty()) {
            throw new NotAnInterchangeException("the interchange holds no transaction");
        }
        for (TransactionSet t : interchange.transactions()) {
            if (!"837".equals(t.type())) {
                throw new NotAnInterchangeException("a transaction of the interchange is not an 837 (ST01); "
                        + "only 837 claims are taken here");
            }
        }
    }

    private String write999(RawInterchange raw, Map<RawInterchange.RawTransaction, List<Issue>> byTransaction,
            boolean unattributed) {
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("AK1", "HC", raw.groupControlNumber(), raw.groupVersion()));
        int accepted = 0;
        for (Map.Entry<RawInterchange.RawTransaction, List<Issue>> entry : byTransaction.entrySet()) {
            RawInterchange.RawTransaction t = entry.getKey();
            body.add(Segment.of("AK2", "837", t.controlNumber(), t.guide().isEmpty() ? null : t.guide()));
            List<Issue> issues = entry.getValue();
            for (Issue issue : issues) {
                body.add(Segment.of("IK3", issue.segmentId(), String.valueOf(issue.position() - t.stPosition() + 1),
                        null, issue.segmentCode()));
                if (issue.elementPosition() > 0) {
                    body.add(Segment.of("IK4", String.valueOf(issue.elementPosition()), null, issue.elementCode()));
                }
            }
            if (issues.isEmpty() && !unattributed) {
                body.add(Segment.of("IK5", "A"));
                accepted++;
            } else {
                body.add(Segment.of("IK5", "R", "5"));
            }
        }
        int received = byTransaction.size();
        String status = accepted == received && received > 0 ? "A" : accepted == 0 ? "R" : "P";
        body.add(Segment.of("AK9", status, String.valueOf(received), String.valueOf(received),
                String.valueOf(accepted)));
        long control = controlNumber(raw.controlNumber());
        OutgoingGroup group = new OutgoingGroup("FA", SANDBOX_ID, applicationCode(raw.applicationSender()), control,
                GUIDE_999, List.of(new OutgoingTransaction("999", body)));
        return writer(raw).write(control, group);
    }

    private List<Segment> body277(TransactionSet transaction, RawInterchange raw, List<ReceivedClaim> claims,
            List<ReceivedClaim> acceptedClaims) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        String today = now.format(CCYYMMDD);
        String reference = transaction.first("BHT").map(b -> b.element(3)).orElse(raw.controlNumber());
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0085", "08", reference, today, now.format(HHMM), "TH"));
        ReceivedClaim first = claims.get(0);
        body.add(Segment.of("HL", "1", null, "20", "1"));
        body.add(Segment.of("NM1", "PR", "2", nonEmpty(first.payerName(), "PAYER SANDBOX"), null, null, null, null,
                "PI", nonEmpty(first.payerId(), SANDBOX_ID)));
        body.add(Segment.of("TRN", "1", raw.controlNumber()));
        body.add(Segment.of("DTP", "050", "D8", today));
        body.add(Segment.of("DTP", "009", "D8", today));
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        Segment submitter = transaction.segments().stream()
                .filter(s -> s.id().equals("NM1") && s.element(1).equals("41")).findFirst().orElse(null);
        body.add(Segment.of("NM1", "41", "2", submitter == null ? raw.senderId() : nonEmpty(submitter.element(3),
                raw.senderId()), null, null, null, null, "46",
                submitter == null ? raw.senderId() : nonEmpty(submitter.element(9), raw.senderId())));
        body.add(Segment.of("TRN", "2", reference));
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal acceptedTotal = BigDecimal.ZERO;
        BigDecimal rejectedTotal = BigDecimal.ZERO;
        int acceptedCount = 0;
        List<ClaimRule> rules = new ArrayList<>();
        for (ReceivedClaim claim : claims) {
            ClaimRule rule = SandboxRules.claimRuleFor(claim.firstDiagnosis());
            rules.add(rule);
            total = total.add(claim.charge());
            if (rule.accepted()) {
                acceptedCount++;
                acceptedTotal = acceptedTotal.add(claim.charge());
            } else {
                rejectedTotal = rejectedTotal.add(claim.charge());
            }
        }
        body.add(stc("A1", "20", today, "WQ", total));
        body.add(Segment.of("QTY", "90", String.valueOf(acceptedCount)));
        body.add(Segment.of("QTY", "AA", String.valueOf(claims.size() - acceptedCount)));
        body.add(Segment.of("AMT", "YU", amount(acceptedTotal)));
        body.add(Segment.of("AMT", "YY", amount(rejectedTotal)));
        int hl = 2;
        String currentProvider = null;
        int providerHl = 0;
        for (int i = 0; i < claims.size(); i++) {
            ReceivedClaim claim = claims.get(i);
            String providerKey = claim.billingProviderNpi() + "|" + claim.billingProviderName();
            if (!providerKey.equals(currentProvider)) {
                currentProvider = providerKey;
                providerHl = ++hl;
                body.add(Segment.of("HL", String.valueOf(providerHl), "2", "19", "1"));
                body.add(Segment.of("NM1", "85", "2", nonEmpty(claim.billingProviderName(), "PROVIDER"), null, null,
                        null, null, "XX", nonEmpty(claim.billingProviderNpi(), "0000000000")));
                body.add(Segment.of("TRN", "1", reference));
            }
            body.add(Segment.of("HL", String.valueOf(++hl), String.valueOf(providerHl), "PT"));
            body.add(Segment.of("NM1", "QC", "1", nonEmpty(claim.patientLastName(), "UNKNOWN"),
                    claim.patientFirstName().isEmpty() ? null : claim.patientFirstName(), null, null, null,
                    claim.memberId().isEmpty() ? null : "MI", claim.memberId().isEmpty() ? null : claim.memberId()));
            body.add(Segment.of("TRN", "2", claim.claimId()));
            ClaimRule rule = rules.get(i);
            body.add(stc(rule.category(), rule.statusCode(), today, rule.accepted() ? "WQ" : "U", claim.charge()));
            if (rule.accepted()) {
                body.add(Segment.of("REF", "1K", claim.payerClaimControlNumber()));
                acceptedClaims.add(claim);
            }
            LocalDate from = claim.firstServiceDate();
            LocalDate to = claim.lastServiceDate();
            if (from != null) {
                body.add(from.equals(to) ? Segment.of("DTP", "472", "D8", from.format(CCYYMMDD))
                        : Segment.of("DTP", "472", "RD8", from.format(CCYYMMDD) + "-" + to.format(CCYYMMDD)));
            }
        }
        return body;
    }

    private static Segment stc(String category, String status, String date, String action, BigDecimal amount) {
        return Segment.builder("STC").composite(category, status).element(date).element(action)
                .element(amount(amount)).build();
    }

    private X12Writer writer(RawInterchange raw) {
        String receiver = raw.senderId().isEmpty() ? "UNKNOWN" : raw.senderId();
        String qualifier = raw.senderQualifier().length() == 2 ? raw.senderQualifier() : "ZZ";
        return new X12Writer(new InterchangeSettings("ZZ", SANDBOX_ID, qualifier,
                receiver.length() > 15 ? receiver.substring(0, 15) : receiver,
                "P".equals(raw.usage()) ? UsageIndicator.PRODUCTION : UsageIndicator.TEST), clock).withLineBreaks();
    }

    static String amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static long controlNumber(String isa13) {
        try {
            long number = Long.parseLong(isa13.strip());
            return number >= 1 && number <= 999_999_999L ? number : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String applicationCode(String code) {
        return code != null && code.length() >= 2 && code.length() <= 15 ? code : "SUBMITTER";
    }

    static LocalDate date(String ccyymmdd) {
        try {
            return LocalDate.parse(ccyymmdd, CCYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A deterministic payer claim control number: SBX and 13 digits from the submitter and CLM01. */
    static String payerClaimControlNumber(String submitter, String claimId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((submitter + "|" + claimId).getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (int i = 0; i < 8; i++) {
                n = (n << 8) | (hash[i] & 0xff);
            }
            return "SBX" + String.format("%013d", Math.floorMod(n, 10_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One syntax problem, located for the 999 (IK3/IK4). */
    record Issue(int position, String segmentId, String segmentCode, int elementPosition, String elementCode) {
        static Issue of(X12Problem problem, RawInterchange raw) {
            String id = problem.segmentId().isEmpty() ? raw.segmentIdAt(problem.segmentPosition())
                    : problem.segmentId();
            return switch (problem.kind()) {
                case INVALID_SEGMENT_ID -> new Issue(problem.segmentPosition(), id, "1", 0, null);
                case MANDATORY_ELEMENT_MISSING -> new Issue(problem.segmentPosition(), id, "8",
                        problem.elementPosition(), "1");
                case UNEXPECTED_SEGMENT -> new Issue(problem.segmentPosition(), id, "2", 0, null);
                default -> new Issue(problem.segmentPosition(), id, "8", 0, null);
            };
        }
    }
}
