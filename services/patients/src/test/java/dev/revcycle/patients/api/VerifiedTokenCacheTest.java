package dev.revcycle.patients.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.common.security.CachingJwtParser;
import dev.revcycle.testing.RevcycleTestResource;
import dev.revcycle.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The bearer-token check goes through the cache of verified tokens, and the cache lets nothing else in. */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class VerifiedTokenCacheTest {
    @Inject
    JWTParser parser;

    @Test
    void requestsAreAuthenticatedThroughTheCache() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        String practice = Fixtures.practice();
        String token = TestTokens.token("registrar", practice);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/patients?practiceId=" + practice).then().statusCode(200);
        }
        // a token that differs (forged signature) or has expired is refused, also after a good one was cached
        given().auth().oauth2(TestTokens.forged("registrar", practice)).get("/patients?practiceId=" + practice)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("registrar", practice)).get("/patients?practiceId=" + practice)
                .then().statusCode(401);
        given().auth().oauth2(token + "x").get("/patients?practiceId=" + practice).then().statusCode(401);
    }
}
