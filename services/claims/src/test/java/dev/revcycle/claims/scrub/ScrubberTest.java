package dev.revcycle.claims.scrub;

import static dev.revcycle.claims.scrub.CleanClaim.DOS;
import static dev.revcycle.claims.scrub.CleanClaim.TODAY;
import static dev.revcycle.claims.scrub.CleanClaim.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule with a claim that passes it and one that fails it (rule id and path of what a billing rep sees). */
class ScrubberTest {
    private final Scrubber scrubber = new Scrubber();
    private final List<Object[]> duplicateQuestions = new ArrayList<>();
    private boolean duplicateExists;
    private final ScrubContext context = new ScrubContext(TODAY, (practice, patient, date, codes, excluding) -> {
        duplicateQuestions.add(new Object[] {practice, patient, date, codes, excluding});
        return duplicateExists;
    });

    private ScrubResult scrub(Consumer<CleanClaim> change) {
        CleanClaim claim = new CleanClaim();
        change.accept(claim);
        return scrubber.scrub(claim.build(), context);
    }

    private static void assertOnly(ScrubResult result, String ruleId, String path) {
        List<Finding> all = new ArrayList<>(result.errors());
        all.addAll(result.warnings());
        assertEquals(1, all.size(), () -> "expected only " + ruleId + " at " + path + " but got " + all);
        assertEquals(ruleId, all.get(0).ruleId());
        assertEquals(path, all.get(0).path());
        assertFalse(all.get(0).message().isBlank());
    }

    private static void assertClean(ScrubResult result) {
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(), result.warnings());
        assertTrue(result.clean());
    }

    @Test
    void aCleanClaimHasNoFindings() {
        assertClean(scrub(c -> { }));
    }

    @Test
    void aCleanInstitutionalClaimHasNoFindings() {
        assertClean(scrub(c -> c.institutional("0131")));
        assertClean(scrub(c -> {
            c.institutional("111");
            c.admissionDate = DOS;
        }));
    }

    @Test
    void registryIdsAreUniqueAndDescribed() {
        Set<String> ids = new HashSet<>();
        for (ScrubRule rule : ScrubRules.ALL) {
            assertTrue(ids.add(rule.id()), rule.id());
            assertTrue(rule.id().matches("[A-Z0-9-]+"), rule.id());
            assertFalse(rule.description().isBlank());
            assertNotNull(rule.severity());
        }
        assertNotNull(ScrubRules.byId("ICD10-FORMAT"));
    }

    @Test
    void diagnosisRequired() {
        assertOnly(scrub(c -> {
            c.diagnoses.clear();
            c.firstLine(line("99213", List.of(), "1", "125.00", DOS, List.of(), null));
        }), "DIAGNOSIS-REQUIRED", "diagnoses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"250.00", "250", "V70.0", "V22.2", "E880.9", "401.9"})
    void icd9CodesAreRefused(String code) {
        assertOnly(scrub(c -> c.diagnoses.set(1, code)), "ICD9-CODE", "diagnoses[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11.9", "E119", "S72.001A", "Z00.00", "U07.1", "V43.52XA", "R69", "i10"})
    void icd10CodesPass(String code) {
        assertClean(scrub(c -> c.diagnoses.set(1, code)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11.99999", "1E1.9", "EE1", "E1", "E11-9", ""})
    void malformedIcd10IsRefused(String code) {
        assertOnly(scrub(c -> c.diagnoses.set(1, code)), "ICD10-FORMAT", "diagnoses[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99213", "0001F", "0042T", "J1100", "G0439", "A0425"})
    void cptAndHcpcsPass(String code) {
        assertClean(scrub(c -> c.firstLine(line(code, List.of(), "1", "125.00", DOS, List.of(1), null))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9921", "992133", "0001X", "W1100", "J110", "99213 "})
    void malformedProcedureCodesAreRefused(String code) {
        assertOnly(scrub(c -> c.firstLine(line(code, List.of(), "1", "125.00", DOS, List.of(1), null))),
                "PROCEDURE-FORMAT", "lines[0].procedureCode");
    }

    @Test
    void modifiers() {
        assertClean(scrub(c -> c.firstLine(line("99213", List.of("25", "LT", "59", "GT"), "1", "125.00", DOS, List.of(1), null))));
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of("25", "L"), "1", "125.00", DOS, List.of(1), null))),
                "MODIFIER-FORMAT", "lines[0].modifiers[1]");
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of("2-5"), "1", "125.00", DOS, List.of(1), null))),
                "MODIFIER-FORMAT", "lines[0].modifiers[0]");
    }

    @Test
    void units() {
        assertClean(scrub(c -> c.firstLine(line("99213", List.of(), "0.5", "125.00", DOS, List.of(1), null))));
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "0", "125.00", DOS, List.of(1), null))),
                "UNITS-POSITIVE", "lines[0].units");
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "-1", "125.00", DOS, List.of(1), null))),
                "UNITS-POSITIVE", "lines[0].units");
    }

    @Test
    void diagnosisPointers() {
        assertClean(scrub(c -> c.firstLine(line("99213", List.of(), "1", "125.00", DOS, List.of(2, 1), null))));
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "1", "125.00", DOS, List.of(1, 3), null))),
                "DIAGNOSIS-POINTER", "lines[0].diagnosisPointers[1]");
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "1", "125.00", DOS, List.of(0), null))),
                "DIAGNOSIS-POINTER", "lines[0].diagnosisPointers[0]");
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "1", "125.00", DOS, List.of(), null))),
                "DIAGNOSIS-POINTER", "lines[0].diagnosisPointers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "-5.00", "12.345"})
    void badChargesAreRefused(String charge) {
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "1", charge, DOS, List.of(1), null))),
                "CHARGE-AMOUNT", "lines[0].chargeAmount");
    }

    @Test
    void serviceDateNotInTheFuture() {
        assertClean(scrub(c -> c.firstLine(line("99213", List.of(), "1", "125.00", TODAY, List.of(1), null))));
        assertOnly(scrub(c -> c.firstLine(line("99213", List.of(), "1", "125.00", TODAY.plusDays(1), List.of(1), null))),
                "SERVICE-DATE-FUTURE", "lines[0].serviceDate");
    }

    @Test
    void patientDateOfBirth() {
        assertClean(scrub(c -> c.patientDob = DOS));
        assertOnly(scrub(c -> c.patientDob = DOS.plusDays(1)), "PATIENT-DOB", "lines[0].serviceDate");
        assertOnly(scrub(c -> c.patientDob = null), "PATIENT-DOB", "patient.dateOfBirth");
    }

    @Test
    void serviceDateWithinCoverage() {
        assertClean(scrub(c -> c.termination = DOS));
        assertOnly(scrub(c -> c.termination = DOS.minusDays(1)), "SERVICE-DATE-COVERAGE", "lines[0].serviceDate");
        assertOnly(scrub(c -> c.effective = DOS.plusDays(1)), "SERVICE-DATE-COVERAGE", "lines[0].serviceDate");
    }

    @Test
    void coverageKnown() {
        assertOnly(scrub(c -> c.coverageKnown = false), "COVERAGE-KNOWN", "coverageId");
    }

    @Test
    void eligibility() {
        assertOnly(scrub(c -> c.eligibilityStatus = "INACTIVE"), "ELIGIBILITY-INACTIVE", "coverageId");
        ScrubResult never = scrub(c -> c.eligibilityStatus = null);
        assertOnly(never, "ELIGIBILITY-NOT-VERIFIED", "coverageId");
        assertTrue(never.clean(), "a warning does not hold the claim back");
        assertEquals(1, never.warnings().size());
        assertOnly(scrub(c -> c.eligibilityStatus = "ERROR"), "ELIGIBILITY-NOT-VERIFIED", "coverageId");
    }

    @Test
    void timelyFiling() {
        assertClean(scrub(c -> c.timelyFilingDays = 8));
        assertOnly(scrub(c -> c.timelyFilingDays = 7), "TIMELY-FILING", "lines[0].serviceDate");
        assertClean(scrub(c -> c.timelyFilingDays = null));
    }

    @Test
    void selfPayClaimsSkipTheCoverageRules() {
        assertClean(scrub(c -> {
            c.selfPay = true;
            c.eligibilityStatus = "INACTIVE";
            c.timelyFilingDays = 1;
            c.memberId = null;
        }));
    }

    @Test
    void duplicateOfASubmittedClaim() {
        CleanClaim claim = new CleanClaim();
        duplicateExists = false;
        assertClean(scrubber.scrub(claim.build(), context));
        assertEquals(1, duplicateQuestions.size());
        Object[] asked = duplicateQuestions.get(0);
        assertEquals("p1", asked[0]);
        assertEquals(claim.patientId, asked[1]);
        assertEquals(DOS, asked[2]);
        assertEquals(Set.of("99213"), asked[3]);
        assertEquals(claim.claimId, asked[4]);

        duplicateExists = true;
        assertOnly(scrubber.scrub(claim.build(), context), "DUPLICATE-CLAIM", "lines");
        claim.primaryClaimId = UUID.randomUUID();
        assertClean(scrubber.scrub(claim.build(), context));
        claim.primaryClaimId = null;
        claim.replacesClaimId = UUID.randomUUID();
        assertClean(scrubber.scrub(claim.build(), context));
    }

    @Test
    void placeOfService() {
        assertClean(scrub(c -> c.placeOfService = "23"));
        assertOnly(scrub(c -> c.placeOfService = "30"), "PLACE-OF-SERVICE", "placeOfService");
        assertOnly(scrub(c -> c.placeOfService = "1"), "PLACE-OF-SERVICE", "placeOfService");
        assertOnly(scrub(c -> c.placeOfService = null), "PLACE-OF-SERVICE", "placeOfService");
        assertTrue(PlacesOfService.valid("99"));
    }

    @Test
    void typeOfBill() {
        assertClean(scrub(c -> c.institutional("131")));
        assertOnly(scrub(c -> c.institutional(null)), "TYPE-OF-BILL", "typeOfBill");
        assertOnly(scrub(c -> c.institutional("1311")), "TYPE-OF-BILL", "typeOfBill");
        assertOnly(scrub(c -> c.institutional("13")), "TYPE-OF-BILL", "typeOfBill");
    }

    @Test
    void revenueCodeOnEveryInstitutionalLine() {
        assertOnly(scrub(c -> c.institutional("0131").firstLine(line("99283", List.of(), "1", "480.00", DOS, List.of(1), null))),
                "REVENUE-CODE", "lines[0].revenueCode");
        assertOnly(scrub(c -> c.institutional("0131").firstLine(line("99283", List.of(), "1", "480.00", DOS, List.of(1), "450"))),
                "REVENUE-CODE", "lines[0].revenueCode");
    }

    @Test
    void admissionDateForInpatientBills() {
        assertOnly(scrub(c -> c.institutional("0111")), "ADMISSION-DATE", "admissionDate");
        assertOnly(scrub(c -> c.institutional("211")), "ADMISSION-DATE", "admissionDate");
        assertClean(scrub(c -> c.institutional("0131")));
    }

    @Test
    void billingProviderIsAnOrganizationOrHasATaxId() {
        assertClean(scrub(c -> c.billingTaxId = null));
        assertClean(scrub(c -> c.billingEntity = dev.revcycle.claims.domain.ProviderEntityType.PERSON));
        assertOnly(scrub(c -> {
            c.billingEntity = dev.revcycle.claims.domain.ProviderEntityType.PERSON;
            c.billingTaxId = null;
        }), "BILLING-PROVIDER-TAX-ID", "billingProvider.taxId");
        assertOnly(scrub(c -> c.billingKnown = false), "BILLING-PROVIDER-TAX-ID", "billingProviderId");
    }

    @Test
    void billingProviderZipPlusFour() {
        assertClean(scrub(c -> c.billingZip = "10001-1234"));
        assertOnly(scrub(c -> c.billingZip = "10001"), "BILLING-PROVIDER-ZIP", "billingProvider.address.postalCode");
    }

    @Test
    void providerNpis() {
        assertOnly(scrub(c -> c.billingNpi = "1234567890"), "PROVIDER-NPI", "billingProvider.npi");
        assertOnly(scrub(c -> c.billingNpi = "123456789"), "PROVIDER-NPI", "billingProvider.npi");
        assertClean(scrub(c -> c.renderingNpi = "1245319599"));
        assertOnly(scrub(c -> c.renderingNpi = "1245319590"), "PROVIDER-NPI", "renderingProvider.npi");
    }

    @Test
    void subscriberData() {
        assertOnly(scrub(c -> c.memberId = " "), "SUBSCRIBER-DATA", "coverage.memberId");
        assertOnly(scrub(c -> c.x12PayerId = null), "SUBSCRIBER-DATA", "coverage.payerId");
        assertClean(scrub(c -> {
            c.relationship = "SPOUSE";
            c.subscriberFirst = "Bob";
            c.subscriberLast = "Smith";
            c.subscriberDob = LocalDate.of(1958, 1, 2);
        }));
        assertOnly(scrub(c -> {
            c.relationship = "SPOUSE";
            c.subscriberFirst = "Bob";
            c.subscriberLast = "Smith";
        }), "SUBSCRIBER-DATA", "coverage.subscriberDateOfBirth");
        assertOnly(scrub(c -> {
            c.relationship = "CHILD";
            c.subscriberDob = LocalDate.of(1958, 1, 2);
        }), "SUBSCRIBER-DATA", "coverage.subscriberName");
    }

    @Test
    void messagesRepeatNoValuesOfTheClaim() {
        ScrubResult result = scrub(c -> {
            c.diagnoses.set(0, "Q99.99999");
            c.memberId = "";
            c.patientDob = DOS.plusDays(3);
        });
        for (Finding finding : result.errors()) {
            assertFalse(finding.message().contains("Q99"), finding.message());
            assertFalse(finding.message().contains(DOS.toString()), finding.message());
            assertFalse(finding.message().contains("Ann") || finding.message().contains("Smith"), finding.message());
        }
    }
}
