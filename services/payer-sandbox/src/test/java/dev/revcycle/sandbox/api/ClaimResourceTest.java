package dev.revcycle.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.revcycle.sandbox.Claims837;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 837 in, 999/277CA out through the mailbox, over HTTP (%test.sandbox.data-dir=target/test-mailbox). */
@QuarkusTest
class ClaimResourceTest {

    private static JsonPath submit(String x12) {
        return given().contentType("application/edi-x12").body(x12.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/x12/837")
                .then().statusCode(202).contentType("application/json").extract().jsonPath();
    }

    private static long lastCursor() {
        return given().get("/mailbox?limit=1000").then().statusCode(200).extract().jsonPath().getLong("next");
    }

    private static TransactionSet download(String id) throws Exception {
        String x12 = given().get("/mailbox/" + id).then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        return X12Reader.strict().read(x12).transactions().get(0);
    }

    @Test
    void an837IsAnsweredWithA999AndA277caInTheSubmittersMailbox() throws Exception {
        long before = lastCursor();
        String submitter = "CLINIC1";
        JsonPath answer = submit(Claims837.professional("PCN-HTTP-1", "E119", "PCN-HTTP-2", "R69"));

        List<String> ids = answer.getList("fileIds");
        assertThat(ids).hasSize(2);
        assertThat(answer.getString("interchangeControlNumber")).isEqualTo("000000042");

        JsonPath listing = given().queryParam("after", before).queryParam("submitter", submitter).get("/mailbox")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> files = listing.getList("files");
        assertThat(files).extracting(f -> f.get("id")).containsExactlyElementsOf(ids);
        assertThat(files).extracting(f -> f.get("type")).containsExactly("999", "277CA");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.get("submitter")).isEqualTo(submitter);
            assertThat(f).containsKeys("cursor", "createdAt", "size");
        });
        assertThat(listing.getLong("next")).isEqualTo(((Number) files.get(1).get("cursor")).longValue());

        assertThat(download(ids.get(0)).segments("IK5")).extracting(s -> s.element(1)).containsExactly("A");
        TransactionSet ca = download(ids.get(1));
        assertThat(ca.segments("STC")).extracting(s -> s.component(1, 1)).containsExactly("A1", "A2", "A7");

        given().queryParam("after", listing.getLong("next")).queryParam("submitter", submitter).get("/mailbox")
                .then().statusCode(200).body("files.size()", equalTo(0))
                .body("next", equalTo((int) listing.getLong("next")));
        given().queryParam("after", before).queryParam("submitter", "SOMEONE-ELSE").get("/mailbox")
                .then().statusCode(200).body("files.size()", equalTo(0));
    }

    @Test
    void aBrokenInterchangeGetsARejecting999() throws Exception {
        JsonPath answer = submit(Claims837.sample("837_5010_x12_bad_segment_identifier.txt"));

        List<String> ids = answer.getList("fileIds");
        assertThat(ids).hasSize(1);
        TransactionSet ack = download(ids.get(0));
        assertThat(ack.first("AK9").orElseThrow().element(1)).isEqualTo("R");
        assertThat(ack.segments("IK3")).isNotEmpty();
    }

    @Test
    void notX12IsA400Problem() {
        given().contentType("text/plain").body(Claims837.sample("837_5010_x12_no_isa_line.txt")).post("/x12/837")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/malformed-x12"))
                .body("detail", containsString("ISA"));
        given().contentType("application/json").body("{}").post("/x12/837").then().statusCode(415);
    }

    @Test
    void unknownFileIs404AndBadCursorIs400() {
        given().get("/mailbox/no-such-file").then().statusCode(404).contentType("application/problem+json");
        given().get("/mailbox?after=abc").then().statusCode(400).contentType("application/problem+json");
        given().get("/mailbox?limit=0").then().statusCode(400);
    }
}
