package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revcycle.claims.support.FactsTopics;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.CoverageDetails;
import dev.revcycle.contracts.eligibility.CoveragePayer;
import dev.revcycle.contracts.patients.Address;
import dev.revcycle.contracts.patients.PatientDemographics;
import dev.revcycle.testing.EventSchemas;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.ServiceRequests;
import dev.revcycle.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /claim-imports: an 837 from a practice-management system becomes DRAFT claims, one per CLM. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ClaimImportResourceTest {

    record Practice(String id, String npi, UUID patient, String mrn, String lastName, UUID coverage, String memberId) {
    }

    /** A practice with a provider, a patient (MRN, name, date of birth) and a coverage, all known to claims. */
    static Practice practice() {
        String practice = ServiceRequests.practice();
        String npi = ProviderResourceTest.npi();
        as("admin", practice).body(ProviderResourceTest.body(practice, npi)).post("/providers").then().statusCode(201);
        UUID patient = UUID.randomUUID();
        String mrn = "MRN" + patient.toString().substring(0, 8);
        String last = "Imp" + patient.toString().substring(0, 6).replaceAll("[0-9]", "x");
        FactsTopics.sendPatient(patient, FactsTopics.registered(patient, practice, new PatientDemographics(mrn, "Rosa", last,
                LocalDate.of(1979, 5, 14), "F", new Address("9 Elm St", null, "Springfield", "IL", "62704"), false, null, null, null), 1));
        FactsTopics.await("SELECT 1 FROM known_patient WHERE id = ?", patient);
        UUID coverage = UUID.randomUUID();
        String member = "MEM" + patient.toString().substring(0, 6).toUpperCase();
        FactsTopics.sendEligibility(patient, FactsTopics.coverageAdded(new CoverageDetails(coverage, patient, practice,
                new CoveragePayer(UUID.randomUUID(), "Sandbox Health", "COMMERCIAL", "SBX01", 365), member, null, null,
                "PRIMARY", "SELF", null, LocalDate.of(2026, 1, 1), null), 1));
        FactsTopics.await("SELECT 1 FROM known_coverage WHERE id = ?", coverage);
        return new Practice(practice, npi, patient, mrn, last, coverage, member);
    }

    /** An 837P with one CLM per entry: {mrn-or-null, lastName, firstName, dob, memberId, pcn}. */
    static String file(String npi, List<String[]> claims) {
        StringBuilder x = new StringBuilder();
        x.append("ISA*00*          *00*          *ZZ*PMSYSTEM       *ZZ*REVCYCLE       *261120*1200*^*00501*000000101*0*T*:~\n");
        x.append("GS*HC*PMSYSTEM*REVCYCLE*20261120*1200*101*X*005010X222A1~\n");
        x.append("ST*837*0001*005010X222A1~\nBHT*0019*00*B101*20261120*1200*CH~\n");
        x.append("NM1*41*2*PM SYSTEM*****46*PMS1~\nPER*IC*DESK*TE*2175550100~\nNM1*40*2*REVCYCLE*****46*REVCYCLE~\n");
        x.append("HL*1**20*1~\nNM1*85*2*NORTH CLINIC*****XX*").append(npi).append("~\nN3*1 CLINIC WAY~\nN4*SPRINGFIELD*IL*627041234~\nREF*EI*123456789~\n");
        int hl = 2;
        for (String[] c : claims) {
            x.append("HL*").append(hl++).append("*1*22*0~\nSBR*P*18*******CI~\n");
            x.append("NM1*IL*1*").append(c[1]).append('*').append(c[2]).append("****MI*").append(c[4]).append("~\n");
            x.append("N3*9 ELM ST~\nN4*SPRINGFIELD*IL*62704~\nDMG*D8*").append(c[3]).append("*F~\n");
            x.append("NM1*PR*2*SANDBOX HEALTH*****PI*SBX01~\n");
            x.append("CLM*").append(c[5]).append("*150***11:B:1*Y*A*Y*Y~\n");
            if (c[0] != null) {
                x.append("REF*EA*").append(c[0]).append("~\n");
            }
            x.append("HI*ABK:E119*ABF:I10~\nLX*1~\nSV1*HC:99213:25*100*UN*1***1:2~\nDTP*472*D8*20261118~\n");
            x.append("LX*2~\nSV1*HC:81002*50*UN*1***1~\nDTP*472*D8*20261118~\n");
        }
        // SE01 counts ST … SE: every segment so far but ISA and GS (and the text after the last ~), plus SE
        int segments = x.toString().split("~").length - 3;
        x.append("SE*").append(segments + 1).append("*0001~\nGE*1*101~\nIEA*1*000000101~\n");
        return x.toString();
    }

    static String sample(String name) {
        try (InputStream in = ClaimImportResourceTest.class.getResourceAsStream("/x12/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachClaimOfTheFileBecomesADraftMatchedByMrnOrByNameAndBirthDate() {
        Practice p = practice();
        String x12 = file(p.npi(), List.of(
                new String[] {p.mrn(), "WHATEVER", "NAME", "19000101", p.memberId(), "PMS-A1"},
                new String[] {null, p.lastName().toUpperCase(), "ROSA", "19790514", p.memberId(), "PMS-A2"},
                new String[] {null, "NOBODY", "KNOWN", "19790514", p.memberId(), "PMS-A3"}));
        try (TopicReader topic = new TopicReader(Topics.CLAIMS)) {
            String first = as("biller", p.id()).contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.UTF_8))
                    .post("/claim-imports?practiceId=" + p.id()).then().statusCode(201)
                    .body("created", equalTo(2)).body("refused", equalTo(1)).body("duplicate", equalTo(false))
                    .body("claims[0].status", equalTo("CREATED")).body("claims[0].claimControlNumber", equalTo("PMS-A1"))
                    .body("claims[1].status", equalTo("CREATED"))
                    .body("claims[2].status", equalTo("REFUSED")).body("claims[2].reason", containsString("patient not found"))
                    .body("claims[2].reason", not(containsString("NOBODY")))
                    .extract().path("claims[0].claimId");
            as("biller", p.id()).get("/claims/" + first).then().statusCode(200)
                    .body("status", equalTo("DRAFT")).body("patientId", equalTo(p.patient().toString()))
                    .body("coverageId", equalTo(p.coverage().toString()))
                    .body("diagnoses", equalTo(List.of("E11.9", "I10")))
                    .body("lines[0].procedureCode", equalTo("99213")).body("lines[0].modifiers", equalTo(List.of("25")))
                    .body("lines[0].diagnosisPointers", equalTo(List.of(1, 2)))
                    .body("lines[0].serviceDate", equalTo("2026-11-18"))
                    .body("totalCharge", equalTo(150.0f));
            TopicReader.Received created = topic.awaitOne(TopicReader.ofType(EventTypes.CLAIM_CREATED, first));
            EventSchemas.assertValid("claims", created.event());
        }
        as("biller", p.id()).queryParam("patientId", p.patient().toString()).get("/claims").then().body("items.size()", equalTo(2)).body("hasMore", equalTo(false));
    }

    @Test
    void theSameFileTwiceCreatesNothingTheSecondTime() {
        Practice p = practice();
        String x12 = file(p.npi(), List.<String[]>of(new String[] {p.mrn(), "X", "Y", "19790514", p.memberId(), "PMS-B1"}));
        String id = as("biller", p.id()).contentType("text/plain").body(x12).post("/claim-imports?practiceId=" + p.id())
                .then().statusCode(201).extract().path("id");
        as("biller", p.id()).contentType("text/plain").body(x12).post("/claim-imports").then().statusCode(200)
                .body("id", equalTo(id)).body("duplicate", equalTo(true)).body("created", equalTo(1));
        as("biller", p.id()).queryParam("patientId", p.patient().toString()).get("/claims").then().body("items.size()", equalTo(1)).body("hasMore", equalTo(false));
        as("auditor", p.id()).get("/claim-imports/" + id).then().statusCode(200).body("claims[0].status", equalTo("CREATED"));
    }

    @Test
    void anUnknownBillingNpiOrMemberIdRefusesThatClaimOnly() {
        Practice p = practice();
        String x12 = file(ProviderResourceTest.npi(), List.<String[]>of(new String[] {p.mrn(), "X", "Y", "19790514", p.memberId(), "PMS-C1"}));
        as("biller", p.id()).contentType("text/plain").body(x12).post("/claim-imports").then().statusCode(201)
                .body("claims[0].status", equalTo("REFUSED")).body("claims[0].reason", containsString("billing provider"));
        String other = file(p.npi(), List.<String[]>of(new String[] {p.mrn(), "X", "Y", "19790514", "NOSUCHMEMBER", "PMS-C2"}));
        as("biller", p.id()).contentType("text/plain").body(other).post("/claim-imports").then().statusCode(201)
                .body("claims[0].status", equalTo("REFUSED")).body("claims[0].reason", containsString("member id"));
    }

    @Test
    void everyMalformedSampleIsA422NamingTheSegmentAndCreatesNothing() {
        Practice p = practice();
        for (String name : List.of("837_5010_x12_bad_segment_identifier.txt", "837_5010_x12_missing_elements.txt",
                "837_5010_x12_no_isa_line.txt", "837_5010_x12_segments_out_of_order.txt")) {
            as("biller", p.id()).contentType("text/plain").body(sample(name)).post("/claim-imports").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("type", containsString("malformed-837"))
                    .body("problems.segmentPosition", not(hasItem(equalTo(null))));
        }
        as("biller", p.id()).contentType("text/plain").body("not x12 at all").post("/claim-imports").then().statusCode(422);
        as("biller", p.id()).queryParam("practiceId", p.id()).get("/claims").then().body("items.size()", equalTo(0)).body("hasMore", equalTo(false));
    }

    @Test
    void theWellFormedSamplesReadAndTheirUnknownPatientsAreRefusedNotFailed() {
        Practice p = practice();
        for (String name : List.of("837_5010_x12_valid.txt", "837_5010_x12_valid_different_separators.txt",
                "837_5010_x12_many_claims.txt", "837_5010_x12_complex.txt", "837_5010_x223-test.txt")) {
            int refused = as("biller", p.id()).contentType("text/plain").body(sample(name)).post("/claim-imports").then()
                    .statusCode(201).extract().path("refused");
            int claims = as("biller", p.id()).contentType("text/plain").body(sample(name)).post("/claim-imports").then()
                    .statusCode(200).extract().path("claims.size()");
            assertEquals(claims, refused, name + ": the samples' patients are not this practice's");
        }
    }

    @Test
    void rolesPracticesAndContentTypes() {
        Practice p = practice();
        String x12 = file(p.npi(), List.<String[]>of(new String[] {p.mrn(), "X", "Y", "19790514", p.memberId(), "PMS-D1"}));
        as("registrar", p.id()).contentType("text/plain").body(x12).post("/claim-imports").then().statusCode(403);
        as("biller", "another-" + p.id()).contentType("text/plain").body(x12).post("/claim-imports?practiceId=" + p.id())
                .then().statusCode(404);
        as("biller", p.id(), "second-practice").contentType("text/plain").body(x12).post("/claim-imports").then()
                .statusCode(400).body("errors.field", hasItem("practiceId"));
        as("biller", p.id()).contentType("application/json").body("{}").post("/claim-imports").then().statusCode(415);
        String id = as("biller", p.id()).contentType("text/plain").body(x12).post("/claim-imports").then().statusCode(201)
                .extract().path("id");
        as("biller", "another-" + p.id()).get("/claim-imports/" + id).then().statusCode(404);
    }
}
