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
}
