package dev.revcycle.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.revcycle.sandbox.Inquiries;
import dev.revcycle.x12.Interchange;
import dev.revcycle.x12.Segment;
import dev.revcycle.x12.TransactionSet;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The running sandbox over HTTP; %test sets sandbox.slow-delay to 2s. */
@QuarkusTest
class EligibilityResourceTest {

    @Test
    void activeMemberIsAnsweredWithA271OfBenefits() throws Exception {
        TransactionSet eligibility = post271(Inquiries.x270("M12345"));

        assertThat(eligibility.implementationGuide()).isEqualTo("005010X279A1");
        assertThat(eligibility.first("TRN").orElseThrow().element(1)).isEqualTo("2");
        assertThat(eligibility.first("TRN").orElseThrow().element(2)).isEqualTo("TRACE-1");
        assertThat(eligibility.segments("NM1")).extracting(s -> s.element(1) + "/" + s.element(9))
                .containsExactly("PR/SBX01", "1P/1234567893", "IL/M12345");
        assertThat(eligibility.segments("DTP")).extracting(s -> s.element(1) + "=" + s.element(3))
                .containsExactly("346=20250101", "347=20251231");
        assertThat(eligibility.segments("EB")).extracting(s -> s.element(1) + "/" + s.element(6) + "/" + s.element(7)
                        + "/" + s.element(8))
                .containsExactly("1///", "B/27/25/", "A///0.2", "C/23/1500/", "C/29/500/", "G/23/6000/", "G/29/4500/");
    }

    @Test
    void memberIdEndingIn00IsInactive() throws Exception {
        TransactionSet eligibility = post271(Inquiries.x270("M12300"));

        assertThat(eligibility.segments("EB")).extracting(s -> s.element(1)).containsExactly("6");
    }

    @Test
    void memberIdEndingIn99IsRejectedWithAaa72() throws Exception {
        TransactionSet eligibility = post271(Inquiries.x270("M12399"));

        Segment aaa = eligibility.first("AAA").orElseThrow();
        assertThat(aaa.element(1)).isEqualTo("N");
        assertThat(aaa.element(3)).isEqualTo("72");
        assertThat(aaa.element(4)).isEqualTo("C");
        assertThat(eligibility.segments("EB")).isEmpty();
    }

    @Test
    void theShared270IsAnsweredAsEdiX12() throws Exception {
        String body = given().contentType("application/edi-x12").body(Inquiries.sample270())
                .when().post("/x12/270")
                .then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();

        TransactionSet eligibility = X12Reader.strict().read(body).transactions().get(0);
        assertThat(eligibility.first("TRN").orElseThrow().element(2)).isEqualTo("1234667890");
        assertThat(eligibility.segments("NM1").get(2).element(3)).isEqualTo("DOE");
        assertThat(eligibility.first("EB").orElseThrow().element(1)).isEqualTo("1");
    }

    @Test
    void memberIdEndingIn98GetsA503Problem() {
        given().contentType("text/plain").body(Inquiries.x270("M12398"))
                .when().post("/x12/270")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("https://revcycle.dev/problems/payer-unavailable"))
                .body("title", equalTo("Payer unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void memberIdEndingIn97IsAnsweredOnlyAfterTheSlowDelay() throws Exception {
        Instant start = Instant.now();
        String body = given().contentType("text/plain").body(Inquiries.x270("M12397"))
                .when().post("/x12/270")
                .then().statusCode(200).extract().asString();

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(X12Reader.strict().read(body).transactions().get(0).first("EB").orElseThrow().element(1))
                .isEqualTo("1");
    }

    @Test
    void aClientWithATimeoutGivesUpOnTheSlowAnswer() {
        RestAssuredConfig halfSecond = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 500).setParam("http.connection.timeout", 500));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> given().config(halfSecond)
                        .contentType("text/plain").body(Inquiries.x270("M12397")).post("/x12/270"))
                .isInstanceOf(java.net.SocketTimeoutException.class);
    }

    @Test
    void memberIdEndingIn96GetsA200ThatNoX12ReaderAccepts() {
        String body = given().contentType("text/plain").body(Inquiries.x270("M12396"))
                .when().post("/x12/270")
                .then().statusCode(200).extract().asString();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> X12Reader.lenient().read(body))
                .isInstanceOf(X12Exception.class);
    }

    @Test
    void garbageIsA400ProblemThatEchoesNothing() {
        given().contentType("text/plain").body("NM1*IL*1*ZEBEDIAH*ANN****MI*W998877665~")
                .when().post("/x12/270")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revcycle.dev/problems/malformed-x12"))
                .body("title", equalTo("Malformed X12"))
                .body("status", equalTo(400))
                .body("detail", equalTo("input does not start with an ISA interchange header"))
                .body(not(containsString("ZEBEDIAH")))
                .body(not(containsString("W998877665")));
    }

    @Test
    void a270WithABadSegmentIsA400NamingOnlyItsPosition() {
        String broken = Inquiries.x270("W998877665").replace("DMG*D8*19800101", "dmg*D8*19800101");

        String detail = given().contentType("text/plain").body(broken)
                .when().post("/x12/270")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().path("detail");

        assertThat(detail).isEqualTo("segment identifier is missing or not two or three upper-case letters or digits"
                + " (segment 12)");
    }

    @Test
    void a270WithoutSubscribersIsA400() {
        given().contentType("text/plain").body(Inquiries.x270())
                .when().post("/x12/270")
                .then().statusCode(400)
                .body("detail", equalTo("the 270 has no subscriber (HL level 22)"));
    }

    @Test
    void otherMediaTypesAreRefused() {
        given().contentType("application/json").body("{}")
                .when().post("/x12/270")
                .then().statusCode(415);
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/x12/270"));
    }

    private static TransactionSet post271(String x270) throws X12Exception {
        String body = given().contentType("text/plain").body(x270)
                .when().post("/x12/270")
                .then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        Interchange response = X12Reader.strict().read(body);
        assertThat(response.warnings()).isEmpty();
        return response.transactions().get(0);
    }
}
