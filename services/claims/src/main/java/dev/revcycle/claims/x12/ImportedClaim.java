package dev.revcycle.claims.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One CLM of an imported 837, as the sending practice-management system or EHR coded it, before it
 * is matched to revcycle's patients, coverages and providers. {@code ordinal} is the claim's place in
 * the file (1 …); {@code claimControlNumber} CLM01 as sent. Patient fields come from loop 2010CA, or
 * 2010BA when the subscriber is the patient; {@code medicalRecordNumber} from REF*EA. PHI: printed as
 * its ordinal only.
 */
public record ImportedClaim(int ordinal, int segmentPosition, String implementationGuide, String claimControlNumber,
                            BigDecimal totalCharge, String billingNpi, String renderingNpi, String referringNpi,
                            String payerId, String memberId, String subscriberRelationship,
                            String patientFirstName, String patientLastName, LocalDate patientDateOfBirth,
                            String patientSex, String medicalRecordNumber, String placeOfService,
                            String typeOfBill, String frequencyCode, LocalDate admissionDate, LocalDate dischargeDate,
                            LocalDate statementFrom, String priorAuthorization, List<String> diagnoses,
                            List<Line> lines) {
    public ImportedClaim {
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
    }

    public boolean institutional() {
        return "005010X223A2".equals(implementationGuide);
    }

    /** One LX with its SV1 (professional) or SV2 (institutional). */
    public record Line(String procedureCode, List<String> modifiers, BigDecimal units, BigDecimal chargeAmount,
                       LocalDate serviceDate, List<Integer> diagnosisPointers, String revenueCode, String ndc) {
        public Line {
            modifiers = List.copyOf(modifiers);
            diagnosisPointers = List.copyOf(diagnosisPointers);
        }
    }

    @Override
    public String toString() {
        return "ImportedClaim[" + ordinal + "]";
    }
}
