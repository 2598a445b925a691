package dev.revcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.common.events.EventJson;
import dev.revcycle.contracts.CloudEvent;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.claims.ClaimChanged;
import dev.revcycle.contracts.claims.ClaimCreated;
import dev.revcycle.contracts.claims.ClaimLineCharge;
import dev.revcycle.contracts.claims.ProviderDetails;
import dev.revcycle.contracts.claims.ProviderRegistered;
import dev.revcycle.contracts.eligibility.Benefits;
import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.contracts.eligibility.EligibilityVerified;
import dev.revcycle.contracts.eligibility.Rejection;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientRegistered;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contracts in shared-contracts: every event type has a schema, and the records serialise to match it. */
class EventSchemasTest {
    private static final UUID ID = UUID.fromString("3f0c6f8e-6f1d-4a51-9d87-5a1f0f2b8c11");
    private static final List<String> SERVICES = List.of("patients", "eligibility", "claims", "payments", "collections");

    private static JsonNode envelope(String type, Object data) throws Exception {
        return EventJson.mapper().readTree(EventJson.write(
                CloudEvent.of(UUID.randomUUID().toString(), "revcycle/test", type, Instant.parse("2026-11-23T10:00:00Z"), ID.toString(), data)));
    }

    private static PatientDemographics demographics() {
        return new PatientDemographics("M100000001", "Ana", "Lopez", LocalDate.of(1984, 3, 9), "F",
                new Address("12 Main St", null, "Springfield", "IL", "62704"), false, "2175550199", null, null);
    }

    @Test
    void everyEventTypeHasASchema() {
        List<String> types = Arrays.stream(EventTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(types).hasSizeGreaterThanOrEqualTo(10);
        for (String type : types) {
            assertThat(SERVICES.stream().filter(service ->
                    getClass().getClassLoader().getResource("schemas/" + service + "/" + type + ".schema.json") != null))
                    .as("the one schema of " + type).hasSize(1);
        }
    }

    @Test
    void aPatientRegisteredMatchesItsSchemaAndAnSsnWouldNot() throws Exception {
        JsonNode event = envelope(EventTypes.PATIENT_REGISTERED, new PatientRegistered(ID, "p1", demographics(), 1));
        EventSchemas.assertValid("patients", event);
        ((ObjectNode) event.path("data").path("demographics")).put("ssn", "123456789");
        assertThatThrownBy(() -> EventSchemas.assertValid("patients", event)).isInstanceOf(AssertionError.class);
    }

    @Test
    void eligibilityEventsMatchTheirSchemasWithMoneyAsPlainDecimals() throws Exception {
        CoverageDetails coverage = new CoverageDetails(ID, ID, "p1", new CoveragePayer(ID, "Acme Health", "COMMERCIAL", "ACME1", 90),
                "W123456700", null, null, "PRIMARY", "SELF", null, LocalDate.of(2026, 1, 1), null);
        EventSchemas.assertValid("eligibility", envelope(EventTypes.COVERAGE_ADDED, new CoverageAdded(coverage, 1)));
        JsonNode verified = envelope(EventTypes.ELIGIBILITY_VERIFIED, new EligibilityVerified(ID, ID, ID, "p1",
                LocalDate.of(2026, 11, 24), "ACTIVE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                new Benefits(new BigDecimal("25.00"), new BigDecimal("20.00"), new BigDecimal("1500.00"), new BigDecimal("500.00"),
                        new BigDecimal("6000.00"), new BigDecimal("4500.00")), List.of(), 1));
        EventSchemas.assertValid("eligibility", verified);
        assertThat(verified.toString()).contains("\"copay\":25.00");
        JsonNode rejected = envelope(EventTypes.ELIGIBILITY_VERIFIED, new EligibilityVerified(ID, ID, ID, "p1",
                LocalDate.of(2026, 11, 24), "MAYBE", null, null, null, List.of(new Rejection("72", "Invalid/Missing Subscriber/Insured ID")), 1));
        assertThatThrownBy(() -> EventSchemas.assertValid("eligibility", rejected)).hasMessageContaining("status");
    }

    @Test
    void claimEventsMatchTheirSchemas() throws Exception {
        List<ClaimLineCharge> lines = List.of(new ClaimLineCharge(ID, 1, "99213", List.of("25"), new BigDecimal("1"),
                new BigDecimal("125.00"), LocalDate.of(2026, 11, 20), null));
        EventSchemas.assertValid("claims", envelope(EventTypes.CLAIM_CREATED, new ClaimCreated(ID, "p1", ID, ID, ID,
                "PROFESSIONAL", "C0000000001", new BigDecimal("125.00"), lines, null, null, 1)));
        EventSchemas.assertValid("claims", envelope(EventTypes.CLAIM_CHANGED, new ClaimChanged(ID, "p1", ID, null, null,
                "C0000000001", new BigDecimal("125.00"), lines, null, null, 2)));
        EventSchemas.assertValid("claims", envelope(EventTypes.PROVIDER_REGISTERED, new ProviderRegistered(
                new ProviderDetails(ID, "p1", "1234567893", "Springfield Clinic", "ORGANIZATION", "207Q00000X", true), 1)));
        JsonNode noLines = envelope(EventTypes.CLAIM_CREATED, new ClaimCreated(ID, "p1", ID, ID, ID,
                "PROFESSIONAL", "C0000000001", new BigDecimal("125.00"), List.of(), null, null, 1));
        assertThatThrownBy(() -> EventSchemas.assertValid("claims", noLines)).isInstanceOf(AssertionError.class);
        JsonNode withName = envelope(EventTypes.CLAIM_CREATED, new ClaimCreated(ID, "p1", ID, ID, ID,
                "PROFESSIONAL", "C0000000001", new BigDecimal("125.00"), lines, null, null, 1));
        ((ObjectNode) withName.path("data")).put("patientName", "Ana Lopez");
        assertThatThrownBy(() -> EventSchemas.assertValid("claims", withName)).isInstanceOf(AssertionError.class);
    }

    @Test
    void paymentsEventsMatchTheirSchemas() throws Exception {
        java.math.BigDecimal ten = new java.math.BigDecimal("10.00");
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        LocalDate day = LocalDate.of(2026, 11, 23);
        EventSchemas.assertValid("payments", envelope(EventTypes.ACCOUNT_BALANCE_CHANGED,
                new dev.revcycle.contracts.payments.AccountBalanceChanged(ID, ID, "p1", BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, 1)));
        EventSchemas.assertValid("payments", envelope(EventTypes.CHARGE_POSTED,
                new dev.revcycle.contracts.payments.ChargePosted(ID, ID, ID, "p1", ID, ID, ten, "INSURANCE", day, at, 2)));
        EventSchemas.assertValid("payments", envelope(EventTypes.PAYMENT_POSTED,
                new dev.revcycle.contracts.payments.PaymentPosted(ID, ID, ID, ID, "p1", ten, "PATIENT", "CARD", ID, null,
                        null, "PARTNER_PAYMENT", "ref-1", day, at, 3)));
        EventSchemas.assertValid("payments", envelope(EventTypes.ADJUSTMENT_POSTED,
                new dev.revcycle.contracts.payments.AdjustmentPosted(ID, ID, ID, "p1", "CONTRACTUAL", "ADJUSTMENT", ten,
                        "INSURANCE", ID, ID, "CO", "45", null, "REMITTANCE", "TRN-1", null, day, at, 4)));
        EventSchemas.assertValid("payments", envelope(EventTypes.PAYMENT_REVERSED,
                new dev.revcycle.contracts.payments.PaymentReversed(ID, ID, ID, "p1", ten, "PATIENT", "returned check", day, at, 5)));
        EventSchemas.assertValid("payments", envelope(EventTypes.REFUND_ISSUED,
                new dev.revcycle.contracts.payments.RefundIssued(ID, ID, ID, ID, "p1", ten, "PATIENT", "PATIENT", "overpaid", day, at, 6)));
        EventSchemas.assertValid("payments", envelope(EventTypes.REMITTANCE_POSTED,
                new dev.revcycle.contracts.payments.RemittancePosted(ID, "TRN-1", "ACME1", ID, ID, "p1", ID, "PCN1", "1", day,
                        "PCCN", ten, ten, BigDecimal.ZERO.setScale(2), List.of(), List.of(new dev.revcycle.contracts.payments.RemittanceLine(
                        ID, 1, "99213", ten, ten, ten, List.of(new dev.revcycle.contracts.payments.RemittanceAdjustment("CO", "45", null,
                        BigDecimal.ZERO.setScale(2))), BigDecimal.ZERO.setScale(2))), 7)));
        EventSchemas.assertValid("payments", envelope(EventTypes.WRITE_OFF_REQUESTED,
                new dev.revcycle.contracts.payments.WriteOffRequested(ID, ID, "p1", ten, "BAD_DEBT", "agency", at, 1)));
        EventSchemas.assertValid("payments", envelope(EventTypes.WRITE_OFF_REVERSAL_REQUESTED,
                new dev.revcycle.contracts.payments.WriteOffReversalRequested(ID, ID, ID, "recall", 1)));
        JsonNode negative = envelope(EventTypes.CHARGE_POSTED, new dev.revcycle.contracts.payments.ChargePosted(ID, ID, ID, "p1",
                ID, ID, ten.negate(), "INSURANCE", day, at, 2));
        assertThatThrownBy(() -> EventSchemas.assertValid("payments", negative)).isInstanceOf(AssertionError.class);
    }
}
