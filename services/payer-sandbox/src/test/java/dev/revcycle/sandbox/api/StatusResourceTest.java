package dev.revcycle.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.revcycle.sandbox.Claims837Builder;
import dev.revcycle.sandbox.Claims837Builder.TestClaim;
import dev.revcycle.sandbox.Claims837Builder.TestLine;
import dev.revcycle.sandbox.status.ClaimStatusResponderTest276;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /x12/276 over HTTP: 200 with the 277, 400 for what is not a 276, 503 for the outage payer, 415. */
@QuarkusTest
class StatusResourceTest {

    @Test
    void anAcceptedClaimIsPendingAndAnUnknownOneNotFound() {
        String pcn = "PCN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType("application/edi-x12").body(new Claims837Builder("CLINIC1")
                .claims(TestClaim.of(pcn, TestLine.of("99213", "150.00"))).build().getBytes(StandardCharsets.UTF_8))
                .post("/x12/837").then().statusCode(202);
        given().contentType("application/edi-x12").body(ClaimStatusResponderTest276.x276("SBX01", pcn, "NEVER-SENT").getBytes(StandardCharsets.UTF_8))
                .post("/x12/276").then().statusCode(200).contentType(containsString("text/plain"))
                .body(startsWith("ISA*"), containsString("ST*277*0001*005010X212"), containsString("STC*P1:20*"),
                        containsString("STC*A4:35*"), containsString("TRN*2*T-" + pcn));
    }

    @Test
    void notA276IsA400TheOutagePayerA503() {
        given().contentType("text/plain").body("hello").post("/x12/276").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("malformed-x12"));
        given().contentType("text/plain").body(ClaimStatusResponderTest276.x276("SBX503", "PCN-1")).post("/x12/276")
                .then().statusCode(503).header("Retry-After", equalTo("30"));
        given().contentType("application/json").body("{}").post("/x12/276").then().statusCode(415);
    }
}
