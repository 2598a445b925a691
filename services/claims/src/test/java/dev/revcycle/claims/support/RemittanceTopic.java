package dev.revcycle.claims.support;

import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.payments.RemittanceAdjustment;
import dev.revcycle.contracts.payments.RemittanceLine;
import dev.revcycle.contracts.payments.RemittancePosted;
import dev.revcycle.testing.TopicWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Publishes on payments' topic the RemittancePosted events payments would, for a claim claims knows. */
public final class RemittanceTopic {
    private RemittanceTopic() {
    }

    public static RemittanceAdjustment cas(String group, String carc, String rarc, String amount) {
        return new RemittanceAdjustment(group, carc, rarc, new BigDecimal(amount));
    }

    public static RemittanceLine line(int number, String code, String charge, String paid, String allowed,
                                      String patient, RemittanceAdjustment... adjustments) {
        return new RemittanceLine(null, number, code, new BigDecimal(charge), new BigDecimal(paid),
                allowed == null ? null : new BigDecimal(allowed), List.of(adjustments), new BigDecimal(patient));
    }

    /** One CLP of a remittance: the claim's practice, patient and control number as payments knows them. */
    public static RemittancePosted posted(UUID remittanceId, UUID claimId, String practiceId, UUID patientId,
                                          String patientControlNumber, String clp02, String payerClaimControlNumber,
                                          String charge, String paid, String patient, List<RemittanceAdjustment> claimCas,
                                          List<RemittanceLine> lines) {
        return new RemittancePosted(remittanceId, "TRN" + remittanceId.toString().substring(0, 8), "SBX01",
                UUID.randomUUID(), patientId, practiceId, claimId, patientControlNumber, clp02,
                LocalDate.of(2026, 11, 30), payerClaimControlNumber, new BigDecimal(charge), new BigDecimal(paid),
                new BigDecimal(patient), claimCas, lines, 7);
    }

    /** The CloudEvent JSON of a RemittancePosted (a new event id). */
    public static String event(RemittancePosted p) {
        return event(UUID.randomUUID().toString(), p);
    }

    public static String event(String eventId, RemittancePosted p) {
        return EventJson.write(CloudEvent.of(eventId, "revcycle/payments", EventTypes.REMITTANCE_POSTED, Instant.now(),
                p.accountId().toString(), p));
    }

    public static void publish(UUID accountKey, String json) {
        TopicWriter.publish(Topics.PAYMENTS, accountKey.toString(), json);
    }

    /** Publishes the event (a new event id) on payments' topic, keyed by its account. */
    public static void publish(RemittancePosted p) {
        publish(p.accountId(), event(p));
    }

    /** The same answer dated another day (BPR16). */
    public static RemittancePosted paidOn(RemittancePosted p, LocalDate paidDate) {
        return new RemittancePosted(p.remittanceId(), p.traceNumber(), p.payerId(), p.accountId(), p.patientId(),
                p.practiceId(), p.claimId(), p.patientControlNumber(), p.claimStatusCode(), paidDate,
                p.payerClaimControlNumber(), p.charge(), p.paid(), p.patientResponsibility(), p.claimAdjustments(),
                p.lines(), p.version());
    }

    /** Waits until claims has recorded at least {@code count} answers about the claim. */
    public static void awaitAdjudications(UUID claimId, int count) {
        FactsTopics.await("SELECT 1 FROM claim_adjudication WHERE claim_id = ? HAVING count(*) >= " + count, claimId);
    }
}
