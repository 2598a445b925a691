package dev.revcycle.patients;

import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.Guarantor;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.contracts.patients.PatientRegistered;
import dev.revcycle.patients.api.AddressBody;
import dev.revcycle.patients.api.GuarantorBody;
import dev.revcycle.patients.api.PatientRequest;
import dev.revcycle.patients.api.PatientResponse;
import dev.revcycle.patients.app.PatientView;
import dev.revcycle.patients.domain.Demographics;
import dev.revcycle.patients.domain.GuarantorRelationship;
import dev.revcycle.patients.domain.Patient;
import dev.revcycle.patients.domain.PatientSearch;
import dev.revcycle.patients.domain.PatientStatus;
import dev.revcycle.patients.domain.PostalAddress;
import dev.revcycle.patients.domain.Sex;
import dev.revcycle.testing.PhiAssertions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type that holds a name, date of birth, SSN or address prints none of them. */
class NoPhiInToStringTest {
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final LocalDate BORN = LocalDate.of(1984, 3, 9);
    private static final List<String> PHI = List.of("Ana", "Zzlopez", "Maria", "1984", "03-09", "123456789",
            "123-45-6789", "12 Main St", "Apt 4", "Springfield", "62704", "2175550199", "ana@example.com");

    static Stream<Object> typesHoldingPhi() {
        PostalAddress address = new PostalAddress("12 Main St", "Apt 4", "Springfield", "IL", "62704");
        dev.revcycle.patients.domain.Guarantor guarantor = new dev.revcycle.patients.domain.Guarantor("Maria", "Zzlopez",
                GuarantorRelationship.SPOUSE, address, "2175550199");
        Demographics d = new Demographics("Ana", "Zzlopez", BORN, Sex.F, "123456789", address, "2175550199",
                "ana@example.com", guarantor);
        AddressBody addressBody = new AddressBody("12 Main St", "Apt 4", "Springfield", "IL", "62704");
        GuarantorBody guarantorBody = new GuarantorBody("Maria", "Zzlopez", GuarantorRelationship.SPOUSE, addressBody, "2175550199");
        PatientView view = new PatientView(ID, "p1", "M100000001", d, "***-**-6789", null, null, PatientStatus.ACTIVE,
                null, 0, Instant.EPOCH, Instant.EPOCH);
        Address contractAddress = new Address("12 Main St", "Apt 4", "Springfield", "IL", "62704");
        PatientDemographics demographics = new PatientDemographics("M100000001", "Ana", "Zzlopez", BORN, "F",
                contractAddress, false, "2175550199", "ana@example.com",
                new Guarantor("Maria", "Zzlopez", "SPOUSE", contractAddress, "2175550199"));
        return Stream.of(address, guarantor, d,
                new PatientSearch("Zzlopez, Ana", BORN, "M100000001", false),
                Patient.register(ID, "p1", "M100000001", d, new byte[] {1, 2, 3}, Instant.EPOCH),
                addressBody, guarantorBody,
                new PatientRequest("p1", "Ana", "Zzlopez", BORN, Sex.F, "123-45-6789", addressBody, "2175550199",
                        "ana@example.com", guarantorBody),
                new PatientResponse(ID, "p1", "M100000001", "Ana", "Zzlopez", BORN, Sex.F, "***-**-6789", addressBody,
                        false, null, "2175550199", "ana@example.com", guarantorBody, null, PatientStatus.ACTIVE, null, 0,
                        Instant.EPOCH, Instant.EPOCH),
                view, contractAddress, demographics, demographics.guarantor(),
                new PatientRegistered(ID, "p1", demographics, 1));
    }

    @ParameterizedTest
    @MethodSource("typesHoldingPhi")
    void printsNoPhi(Object value) {
        PhiAssertions.assertPrintsNone(value, PHI);
    }
}
