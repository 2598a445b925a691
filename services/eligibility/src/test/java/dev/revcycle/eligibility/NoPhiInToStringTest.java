package dev.revcycle.eligibility;

import dev.revcycle.contracts.eligibility.CoverageAdded;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.eligibility.api.CoverageRequest;
import dev.revcycle.eligibility.api.CoverageResponse;
import dev.revcycle.eligibility.api.PayerResponse;
import dev.revcycle.eligibility.api.SubscriberBody;
import dev.revcycle.eligibility.app.CoverageView;
import dev.revcycle.eligibility.app.PayerView;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoverageStatus;
import dev.revcycle.eligibility.domain.CoverageTerms;
import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.domain.PatientAddress;
import dev.revcycle.eligibility.domain.PatientFacts;
import dev.revcycle.eligibility.domain.Payer;
import dev.revcycle.eligibility.domain.PayerDetails;
import dev.revcycle.eligibility.domain.PayerType;
import dev.revcycle.eligibility.domain.Priority;
import dev.revcycle.eligibility.domain.Subscriber;
import dev.revcycle.eligibility.domain.SubscriberRelationship;
import dev.revcycle.eligibility.x12.EligibilityRequest;
import dev.revcycle.eligibility.x12.InformationReceiver;
import dev.revcycle.testing.PhiAssertions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type that holds a member id, a name, a date of birth or an address prints none of them. */
class NoPhiInToStringTest {
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final LocalDate BORN = LocalDate.of(1982, 7, 14);
    private static final String MEMBER = "XJH123456701";
    private static final List<String> PHI = List.of(MEMBER, "Maria", "Zzlopez", "1982", "07-14", "19820714",
            "12 Main St", "Springfield", "62704");

    static Stream<Object> typesHoldingPhi() {
        Subscriber subscriber = new Subscriber("Maria", "Zzlopez", BORN);
        CoverageTerms terms = new CoverageTerms(ID, MEMBER, "GRP-4400", "Sandbox PPO", Priority.PRIMARY,
                SubscriberRelationship.SPOUSE, subscriber, LocalDate.of(2026, 1, 1), null);
        Payer payer = Payer.register(ID, new PayerDetails("Sandbox Health", PayerType.COMMERCIAL, "SBX01", 365), Instant.EPOCH);
        Coverage coverage = Coverage.add(ID, "p1", ID, payer, terms, Instant.EPOCH);
        PatientAddress address = new PatientAddress("12 Main St", null, "Springfield", "IL", "62704");
        PatientFacts facts = new PatientFacts("p1", "Maria", "Zzlopez", BORN, "F", address);
        PayerView payerView = new PayerView(ID, "Sandbox Health", PayerType.COMMERCIAL, "SBX01", 365, Instant.EPOCH);
        SubscriberBody subscriberBody = new SubscriberBody("Maria", "Zzlopez", BORN);
        dev.revcycle.contracts.eligibility.Subscriber contractSubscriber =
                new dev.revcycle.contracts.eligibility.Subscriber("Maria", "Zzlopez", BORN);
        CoverageDetails details = new CoverageDetails(ID, ID, "p1",
                new CoveragePayer(ID, "Sandbox Health", "COMMERCIAL", "SBX01", 365), MEMBER, "GRP-4400", "Sandbox PPO",
                "PRIMARY", "SPOUSE", contractSubscriber, LocalDate.of(2026, 1, 1), null);
        return Stream.of(subscriber, terms, coverage, address, facts, KnownPatient.of(ID, facts, 1, Instant.EPOCH),
                new CoverageView(ID, "p1", ID, payerView, terms, CoverageStatus.ACTIVE, 0, Instant.EPOCH, Instant.EPOCH),
                subscriberBody,
                new CoverageRequest("p1", ID, ID, MEMBER, "GRP-4400", "Sandbox PPO", Priority.PRIMARY,
                        SubscriberRelationship.SPOUSE, subscriberBody, LocalDate.of(2026, 1, 1), null, null),
                new CoverageResponse(ID, "p1", ID, new PayerResponse(ID, "Sandbox Health", PayerType.COMMERCIAL, "SBX01", 365,
                        Instant.EPOCH), MEMBER, "GRP-4400", "Sandbox PPO", Priority.PRIMARY, SubscriberRelationship.SPOUSE,
                        subscriberBody, LocalDate.of(2026, 1, 1), null, null, CoverageStatus.ACTIVE, 0, Instant.EPOCH, Instant.EPOCH),
                new EligibilityRequest("TRACE1", "Sandbox Health", "SBX01",
                        InformationReceiver.organization("REVCYCLE CLINIC", "1234567893"), "ZZLOPEZ",
                        "MARIA", MEMBER, BORN, LocalDate.of(2026, 3, 5), List.of("30")),
                contractSubscriber, details, new CoverageAdded(details, 1));
    }

    @ParameterizedTest
    @MethodSource("typesHoldingPhi")
    void printsNoPhi(Object value) {
        PhiAssertions.assertPrintsNone(value, PHI);
    }
}
