package dev.revcycle.claims.domain.pricing;

import dev.revcycle.common.domain.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a patient asks the cost of: a visit's procedure codes on a date, under a coverage (null = self-pay). */
public record EstimateTerms(UUID patientId, UUID coverageId, LocalDate serviceDate, List<String> procedureCodes) {
    public static final int MAX_CODES = 20;

    public EstimateTerms normalized() {
        return new EstimateTerms(patientId, coverageId, serviceDate, procedureCodes == null ? null
                : procedureCodes.stream().map(ProcedureKey::normal).toList());
    }

    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (patientId == null) {
            errors.add(new FieldError("patientId", "is required"));
        }
        if (serviceDate == null) {
            errors.add(new FieldError("serviceDate", "is required"));
        }
        if (procedureCodes == null || procedureCodes.isEmpty()) {
            errors.add(new FieldError("procedureCodes", "at least one procedure code is required"));
            return errors;
        }
        if (procedureCodes.size() > MAX_CODES) {
            errors.add(new FieldError("procedureCodes", "at most " + MAX_CODES + " procedure codes"));
        }
        for (int i = 0; i < procedureCodes.size(); i++) {
            List<String[]> found = new ArrayList<>();
            ProcedureKey.check(found, procedureCodes.get(i), "");
            for (String[] f : found) {
                errors.add(new FieldError("procedureCodes[" + i + "]", f[1]));
            }
        }
        return errors;
    }
}
