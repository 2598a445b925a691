package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.adjudication.ReasonCodes;
import dev.revcycle.claims.domain.adjudication.RemittanceAdvice;
import dev.revcycle.claims.store.AdjudicationRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A claim's adjudications (the payer's answers from 835s), newest first, each with its lines and adjustments. */
public record AdjudicationsResponse(UUID claimId, List<Item> items) {

    /** One CAS adjustment with readable words. */
    public record Adjustment(String groupCode, String reasonCode, String remarkCode, BigDecimal amount,
                             @Schema(description = "The group and CARC in words") String text) {
        static Adjustment of(AdjudicationRepository.StoredAdjustment a) {
            return new Adjustment(a.groupCode(), a.reasonCode(), a.remarkCode(), a.amount(), ReasonCodes.describe(
                    new RemittanceAdvice.Adjustment(a.groupCode(), a.reasonCode(), a.remarkCode(), a.amount())));
        }
    }

    public record Line(int lineNumber, UUID claimLineId, String procedureCode, List<String> modifiers,
                       LocalDate serviceDate, BigDecimal charge, BigDecimal allowed, BigDecimal paid,
                       BigDecimal patientResponsibility, List<Adjustment> adjustments) {
    }

    public record Item(UUID id, UUID remittanceId, String traceNumber, String payerId,
                       @Schema(description = "CLP02: 1–3 processed as primary/secondary/tertiary, 4 denied, 22 reversal …")
                       String claimStatusCode,
                       @Schema(enumeration = {"PAID", "PARTIALLY_PAID", "DENIED", "REOPENED", "RECORDED"}) String outcome,
                       String fromStatus, String toStatus, String reason, String payerClaimControlNumber,
                       LocalDate paidDate, BigDecimal charge, BigDecimal paid, BigDecimal allowed,
                       BigDecimal patientResponsibility, List<Adjustment> claimAdjustments, Instant receivedAt,
                       List<Line> lines) {
        static Item of(AdjudicationRepository.StoredAdjudication a) {
            return new Item(a.id(), a.remittanceId(), a.traceNumber(), a.payerId(), a.claimStatusCode(), a.outcome(),
                    a.fromStatus(), a.toStatus(), a.reason(), a.payerClaimControlNumber(), a.paidDate(), a.charge(),
                    a.paid(), a.allowed(), a.patientResponsibility(),
                    a.claimAdjustments().stream().map(Adjustment::of).toList(), a.receivedAt(),
                    a.lines().stream().map(l -> new Line(l.lineNumber(), l.claimLineId(), l.procedureCode(),
                            l.modifiers(), l.serviceDate(), l.charge(), l.allowed(), l.paid(), l.patientResponsibility(),
                            l.adjustments().stream().map(Adjustment::of).toList())).toList());
        }
    }
}
