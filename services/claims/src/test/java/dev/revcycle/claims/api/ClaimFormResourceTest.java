package dev.revcycle.claims.api;

import static dev.revcycle.testing.ServiceRequests.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** GET /claims/{id}/form.pdf over HTTP (the box positions are FormsTest's). */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class ClaimFormResourceTest {

    @Test
    void aClaimPrintsOnTheCms1500WithThePatientCodesAndTotal() throws Exception {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String id = ClaimResourceTest.create(s);
        byte[] pdf = as("collector", s.practice()).get("/claims/" + id + "/form.pdf").then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", "no-store").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("HEALTH INSURANCE CLAIM FORM").contains("ZZLOPEZ, ANA").contains("99213")
                    .contains("E11.9").contains("175.50").contains("XJH123456701");
        }
    }

    @Test
    void anotherPracticesClaimIs404() {
        ClaimResourceTest.Setup s = ClaimResourceTest.setup();
        String id = ClaimResourceTest.create(s);
        as("biller", "other-" + s.practice()).get("/claims/" + id + "/form.pdf").then().statusCode(404);
        as("biller", s.practice()).get("/claims/" + java.util.UUID.randomUUID() + "/form.pdf").then().statusCode(404);
    }
}
