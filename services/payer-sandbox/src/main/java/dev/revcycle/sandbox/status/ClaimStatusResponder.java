package dev.revcycle.sandbox.status;

import dev.revcycle.sandbox.eligibility.MalformedInquiryException;
import dev.revcycle.sandbox.remittance.Adjudicator;
import dev.revcycle.sandbox.remittance.ClaimPayment;
import dev.revcycle.sandbox.remittance.PendingClaims;
import dev.revcycle.sandbox.remittance.PendingClaims.KnownClaim;
import dev.revcycle.sandbox.rules.SandboxRules;
import dev.revcycle.sandbox.rules.StatusRule;
import dev.revcycle.sandbox.rules.StatusRule.ClaimState;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.InterchangeSettings;
import dev.revcycle.x12.OutgoingGroup;
import dev.revcycle.x12.OutgoingTransaction;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.UsageIndicator;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;
import dev.revcycle.x12.X12Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a claim status inquiry (276, 005010X212) with a 277 (005010X212) by {@link SandboxRules#CLAIM_STATUS}.
 * The 277 repeats the 276's hierarchy (payer, receiver, provider, subscriber, dependent: HL and NM1 as sent); each
 * claim asked about (a 2200 loop: TRN*1 …) gets {@code TRN*2} with the 276's trace, the rule's {@code STC}, the
 * payer's claim control number ({@code REF*1K}) when the claim was accepted, {@code REF*EJ} and {@code DTP*472}
 * as asked. A claim is found by the 276's ISA06 (its submitter) and {@code REF*EJ} (the 837's CLM01).
 */
public final class ClaimStatusResponder {

    public static final String GUIDE = "005010X212";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final PendingClaims claims;
    private final Clock clock;

    public ClaimStatusResponder(PendingClaims claims, Clock clock) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public StatusAnswer answer(String x276) throws MalformedInquiryException {
        Interchange asked;
        try {
            asked = X12Reader.lenient().read(x276 == null ? "" : x276);
        } catch (X12Exception e) {
            throw new MalformedInquiryException(e.getMessage(), e);
        }
        if (asked.transactions().isEmpty()) {
            throw new MalformedInquiryException("the interchange holds no transaction");
        }
        String submitter = asked.senderId().strip();
        List<OutgoingTransaction> answers = new ArrayList<>();
        List<TransactionSet> transactions = asked.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            TransactionSet set = transactions.get(i);
            if (!"276".equals(set.type())) {
                throw new MalformedInquiryException("transaction " + (i + 1)
                        + " of the interchange is not a 276 (ST01); only 276 inquiries are answered here");
            }
            boolean unavailable = set.segments("NM1").stream().anyMatch(nm1 -> "PR".equals(nm1.element(1))
                    && SandboxRules.STATUS_UNAVAILABLE_PAYER_ID.equals(nm1.element(9)));
            if (unavailable) {
                return new StatusAnswer(null, true);
            }
            answers.add(new OutgoingTransaction("277", body(set, submitter)));
        }
        InterchangeSettings settings = new InterchangeSettings(asked.receiverQualifier(), asked.receiverId(),
                asked.senderQualifier(), asked.senderId(),
                asked.usage() == UsageIndicator.PRODUCTION ? UsageIndicator.PRODUCTION : UsageIndicator.TEST);
        long control = controlNumber(asked.controlNumber());
        var group = asked.groups().get(0);
        return new StatusAnswer(new X12Writer(settings, clock).withLineBreaks().write(control,
                new OutgoingGroup("HN", code(group.applicationReceiver()), code(group.applicationSender()), control,
                        GUIDE, answers)), false);
    }

    private List<Segment> body(TransactionSet set, String submitter) throws MalformedInquiryException {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Segment> out = new ArrayList<>();
        String reference = set.first("BHT").map(b -> b.element(3)).orElse("");
        out.add(Segment.of("BHT", "0010", "08", reference.isEmpty() ? "0" : reference, now.format(CCYYMMDD),
                now.format(HHMM), "DG"));
        List<Segment> claim = null;
        for (Segment segment : set.segments()) {
            switch (segment.id()) {
                case "BHT" -> {
                }
                case "HL", "NM1" -> {
                    if (claim != null) {
                        answerClaim(claim, submitter, now.toLocalDate(), out);
                        claim = null;
                    }
                    out.add(segment);
                }
                case "TRN" -> {
                    if (claim != null) {
                        answerClaim(claim, submitter, now.toLocalDate(), out);
                    }
                    claim = new ArrayList<>();
                    claim.add(segment);
                }
                default -> {
                    if (claim != null) {
                        claim.add(segment);
                    }
                }
            }
        }
        if (claim != null) {
            answerClaim(claim, submitter, now.toLocalDate(), out);
        }
        if (out.stream().noneMatch(s -> s.id().equals("STC"))) {
            throw new MalformedInquiryException("the 276 asks about no claim (no TRN in a subscriber or dependent loop)");
        }
        return out;
    }

    /** One 2200 loop of the 276 (TRN*1, REF, AMT, DTP) → its answer. */
    private void answerClaim(List<Segment> asked, String submitter, LocalDate today, List<Segment> out)
            throws MalformedInquiryException {
        Segment trn = asked.get(0);
        if (!trn.has(2)) {
            throw new MalformedInquiryException("TRN02 (the trace number) is missing (segment " + trn.position() + ")");
        }
        String pcn = asked.stream().filter(s -> s.id().equals("REF") && "EJ".equals(s.element(1)))
                .map(s -> s.element(2)).findFirst().orElse("");
        Optional<KnownClaim> known = pcn.isEmpty() ? Optional.empty() : claims.find(submitter, pcn);
        ClaimState state = state(known);
        StatusRule rule = SandboxRules.statusRuleFor(state,
                known.map(k -> k.claim().firstProcedureCode()).orElse(""));
        out.add(Segment.of("TRN", "2", trn.element(2)));
        Segment.Builder stc = Segment.builder("STC").composite(rule.category(), rule.statusCode())
                .element(today.format(CCYYMMDD));
        if (rule.amounts() && known.isPresent()) {
            KnownClaim claim = known.get();
            BigDecimal paid = state == ClaimState.PAID
                    ? Adjudicator.adjudicate(claim.claim(), claim.duplicate()).paid() : BigDecimal.ZERO;
            LocalDate on = state == ClaimState.REVERSED ? claim.reversedOn() : claim.adjudicatedOn();
            stc.element(null).element(money(claim.claim().charge())).element(money(paid)).element(on.format(CCYYMMDD));
        }
        out.add(stc.build());
        known.map(k -> k.claim().payerClaimControlNumber()).filter(n -> n != null && !n.isBlank())
                .ifPresent(n -> out.add(Segment.of("REF", "1K", n)));
        if (!pcn.isEmpty()) {
            out.add(Segment.of("REF", "EJ", pcn));
        }
        asked.stream().filter(s -> s.id().equals("DTP") && "472".equals(s.element(1))).findFirst().ifPresent(out::add);
    }

    static ClaimState state(Optional<KnownClaim> known) {
        if (known.isEmpty()) {
            return ClaimState.UNKNOWN;
        }
        KnownClaim claim = known.get();
        if (claim.adjudicatedOn() == null) {
            return ClaimState.PENDING;
        }
        if (claim.reversedOn() != null) {
            return ClaimState.REVERSED;
        }
        ClaimPayment payment = Adjudicator.adjudicate(claim.claim(), claim.duplicate());
        return ClaimPayment.DENIED.equals(payment.statusCode()) || payment.paid().signum() == 0
                ? ClaimState.DENIED : ClaimState.PAID;
    }

    private static String money(BigDecimal amount) {
        // as in the 835: zero is written 0
        return amount == null || amount.signum() == 0 ? "0" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static long controlNumber(String asked) {
        try {
            long number = Long.parseLong(asked.strip());
            return number >= 1 && number <= 999_999_999L ? number : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String code(String code) {
        return code != null && code.length() >= 2 && code.length() <= 15 ? code : "PAYERSANDBOX";
    }
}
