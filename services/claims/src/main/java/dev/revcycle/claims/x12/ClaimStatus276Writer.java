package dev.revcycle.claims.x12;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.PatientFacts;
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
import java.util.List;
import java.util.Objects;

/**
 * Writes a claim status inquiry, X12 276 (005010X212), for one claim: one interchange, one functional group
 * (GS*HR), one transaction. 2000A information source = the payer ({@code NM1*PR}, PI x12 payer id), 2000B
 * information receiver = us, the submitter ({@code NM1*41}, 46), 2000C service provider = the billing
 * provider ({@code NM1*1P}, XX NPI), 2000D subscriber ({@code NM1*IL}, MI member id) and, when the patient
 * is not the subscriber, 2000E dependent ({@code NM1*QC}); on the patient's level the 2200 claim: {@code TRN*1}
 * our trace number, {@code REF*1K} the payer's claim control number when known, {@code REF*EJ} the patient
 * control number (CLM01), {@code AMT*T3} the total charge, {@code DTP*472} the dates of service.
 * ISA13 and GS06 are the same control number; BHT03 is the trace number.
 */
public final class ClaimStatus276Writer {

    public static final String GUIDE = "005010X212";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** Who asks (GS02, 2100B). */
    public record Submitter(String name, String id, String receiverId) {
        public Submitter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(receiverId, "receiverId");
        }
    }

    private final X12Writer writer;
    private final Submitter submitter;
    private final Clock clock;

    public ClaimStatus276Writer(InterchangeSettings settings, Submitter submitter, Clock clock) {
        this.writer = new X12Writer(settings, clock);
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param controlNumber ISA13 and GS06, 1 to 999999999
     * @param traceNumber   TRN02 and BHT03 (≤ 50 characters, letters and digits), answered in the 277's TRN*2
     * @param payerClaimControlNumber the payer's number from the 277CA or the 835, null when none is known
     */
    public String write(long controlNumber, String traceNumber, BillableClaim billable, String payerClaimControlNumber) {
        Claim claim = billable.claim();
        CoverageFacts coverage = billable.coverage();
        if (coverage == null || claim.selfPay()) {
            throw new IllegalArgumentException("claim " + claim.id() + " is self-pay: no payer to ask");
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        PatientFacts patient = billable.patient();
        List<Segment> body = new ArrayList<>();
        body.add(Segment.of("BHT", "0010", "13", traceNumber, now.format(CCYYMMDD), now.format(HHMM)));
        body.add(Segment.of("HL", "1", null, "20", "1"));
        body.add(Segment.of("NM1", "PR", "2", text(coverage.payerName()), null, null, null, null, "PI",
                coverage.x12PayerId()));
        body.add(Segment.of("HL", "2", "1", "21", "1"));
        body.add(Segment.of("NM1", "41", "2", text(submitter.name()), null, null, null, null, "46", submitter.id()));
        body.add(Segment.of("HL", "3", "2", "19", "1"));
        body.add(provider(billable.billingProvider()));
        boolean self = coverage.subscriberIsPatient();
        body.add(Segment.of("HL", "4", "3", "22", self ? "0" : "1"));
        if (self) {
            body.add(person("IL", patient.lastName(), patient.firstName(), coverage.memberId()));
        } else {
            body.add(person("IL", coverage.subscriberLastName(), coverage.subscriberFirstName(), coverage.memberId()));
            body.add(Segment.of("HL", "5", "4", "23"));
            body.add(person("QC", patient.lastName(), patient.firstName(), null));
        }
        body.add(Segment.of("TRN", "1", traceNumber));
        if (payerClaimControlNumber != null && !payerClaimControlNumber.isBlank()) {
            body.add(Segment.of("REF", "1K", text(payerClaimControlNumber)));
        }
        body.add(Segment.of("REF", "EJ", claim.patientControlNumber()));
        body.add(Segment.of("AMT", "T3", money(claim.totalCharge())));
        LocalDate from = claim.firstServiceDate();
        LocalDate to = claim.lastServiceDate();
        if (from != null) {
            body.add(from.equals(to) || to == null ? Segment.of("DTP", "472", "D8", from.format(CCYYMMDD))
                    : Segment.of("DTP", "472", "RD8", from.format(CCYYMMDD) + "-" + to.format(CCYYMMDD)));
        }
        return writer.write(controlNumber, List.of(new OutgoingGroup("HR", submitter.id(), submitter.receiverId(),
                controlNumber, GUIDE, List.of(new OutgoingTransaction("276", body)))));
    }

    private static Segment provider(Provider provider) {
        if (provider.entityType() == ProviderEntityType.PERSON) {
            return Segment.of("NM1", "1P", "1", text(provider.lastName()), text(provider.firstName()), null, null,
                    null, "XX", provider.npi());
        }
        return Segment.of("NM1", "1P", "2", text(provider.name()), null, null, null, null, "XX", provider.npi());
    }

    private static Segment person(String entity, String last, String first, String memberId) {
        return Segment.of("NM1", entity, "1", text(last), text(first), null, null, null,
                memberId == null ? null : "MI", memberId == null ? null : text(memberId));
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "0" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(String value) {
        return value == null ? null : X12CharacterSet.transliterate(value);
    }
}
