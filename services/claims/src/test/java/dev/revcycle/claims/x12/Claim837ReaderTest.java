package dev.revcycle.claims.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revcycle.x12.X12Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The imsweb 837 samples (src/test/resources/x12/samples): the well-formed ones read, the malformed ones are refused by position. */
class Claim837ReaderTest {
    private final Claim837Reader reader = new Claim837Reader();

    static String sample(String name) {
        try (InputStream in = Claim837ReaderTest.class.getResourceAsStream("/x12/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aProfessionalClaimReadsWithItsPatientCodesAndCharges() throws Exception {
        List<ImportedClaim> claims = reader.read(sample("837_5010_x12_valid.txt"));
        assertThat(claims).isNotEmpty();
        ImportedClaim first = claims.get(0);
        assertThat(first.implementationGuide()).isEqualTo(Claim837Reader.PROFESSIONAL);
        assertThat(first.claimControlNumber()).isNotBlank();
        assertThat(first.billingNpi()).isNotBlank();
        assertThat(first.lines()).isNotEmpty();
        assertThat(first.lines().get(0).procedureCode()).isNotBlank();
        assertThat(first.totalCharge()).isPositive();
        assertThat(first.patientLastName()).isNotBlank();
    }

    @Test
    void otherSeparatorsReadTheSame() throws Exception {
        List<ImportedClaim> plain = reader.read(sample("837_5010_x12_valid.txt"));
        List<ImportedClaim> other = reader.read(sample("837_5010_x12_valid_different_separators.txt"));
        assertThat(other).hasSameSizeAs(plain);
        assertThat(other.get(0).claimControlNumber()).isEqualTo(plain.get(0).claimControlNumber());
        assertThat(other.get(0).lines().get(0).procedureCode()).isEqualTo(plain.get(0).lines().get(0).procedureCode());
    }

    @Test
    void anInstitutionalClaimReadsItsTypeOfBillRevenueCodesAndDates() throws Exception {
        List<ImportedClaim> claims = reader.read(sample("837_5010_x223-test.txt"));
        assertThat(claims).hasSize(1);
        ImportedClaim claim = claims.get(0);
        assertThat(claim.institutional()).isTrue();
        assertThat(claim.claimControlNumber()).isEqualTo("A37YH556");
        assertThat(claim.totalCharge()).isEqualByComparingTo("500");
        assertThat(claim.typeOfBill()).isEqualTo("0111");
        assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2015, 3, 30));
        assertThat(claim.medicalRecordNumber()).isEqualTo("1122334");
        assertThat(claim.diagnoses()).containsExactly("173.9");
        assertThat(claim.billingNpi()).isEqualTo("1234567890");
        // the 2320/2330 other subscribers (SBR*S, SBR*T) do not replace the claim's own
        assertThat(claim.memberId()).isEqualTo("123456");
        assertThat(claim.payerId()).isEqualTo("11122333");
        assertThat(claim.patientLastName()).isEqualTo("DOE");
        assertThat(claim.patientDateOfBirth()).isEqualTo(LocalDate.of(1961, 11, 24));
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.revenueCode()).isEqualTo("0300");
            assertThat(line.procedureCode()).isEqualTo("81099");
            assertThat(line.chargeAmount()).isEqualByComparingTo(new BigDecimal("73.42"));
            assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2005, 3, 14));
        });
    }

    @Test
    void aFileOfManyClaimsReadsEveryClaim() throws Exception {
        String text = sample("837_5010_x12_many_claims.txt");
        int clms = text.split("~\\s*CLM\\*", -1).length - 1;
        List<ImportedClaim> claims = reader.read(text);
        assertThat(claims).hasSize(clms);
        assertThat(claims).allSatisfy(c -> assertThat(c.lines()).isNotEmpty());
        assertThat(claims).extracting(ImportedClaim::ordinal).startsWith(1, 2);
    }

    @Test
    void theComplexSampleReadsItsReferringAndRenderingProviders() throws Exception {
        List<ImportedClaim> claims = reader.read(sample("837_5010_x12_complex.txt"));
        assertThat(claims).isNotEmpty();
        assertThat(claims.get(0).referringNpi()).isEqualTo("1234567890");
    }

    @ParameterizedTest
    @ValueSource(strings = {"837_5010_x12_bad_segment_identifier.txt", "837_5010_x12_missing_elements.txt",
            "837_5010_x12_no_isa_line.txt", "837_5010_x12_segments_out_of_order.txt"})
    void aMalformedFileIsRefusedNamingTheSegmentNotAValue(String name) {
        assertThatThrownBy(() -> reader.read(sample(name)))
                .isInstanceOf(X12Exception.class)
                .satisfies(e -> assertThat(((X12Exception) e).problems()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.message()).doesNotContain("DOE", "JOHN")));
    }

    @Test
    void aLineOutsideAClaimOrAClaimWithoutLinesIsRefusedByPosition() {
        String noLines = sample("837_5010_x223-test.txt").replaceAll("LX\\*1~\\s*SV2[^~]*~\\s*DTP\\*472[^~]*~", "");
        assertThatThrownBy(() -> reader.read(noLines)).isInstanceOf(X12Exception.class).hasMessageContaining("CLM");
    }
}
