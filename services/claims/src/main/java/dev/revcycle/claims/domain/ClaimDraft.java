package dev.revcycle.claims.domain;

import dev.revcycle.common.domain.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A claim as keyed (create or the result of a merge patch), before it has an id, a status and a
 * patient control number. Creation checks its structure only ({@link #violations()}): required
 * fields (a line's charge may be left out: the charge master's standard charge is taken), amounts with at most two decimals, 1–4 diagnosis pointers per line, at most 12 diagnoses,
 * 4 modifiers and 50 lines. Code formats and business rules are the scrubber's.
 */
public record ClaimDraft(UUID patientId, UUID coverageId, ClaimType type, UUID billingProviderId,
                         UUID renderingProviderId, UUID referringProviderId, String placeOfService, String typeOfBill,
                         LocalDate admissionDate, LocalDate dischargeDate, String priorAuthorization,
                         List<String> diagnoses, List<LineDraft> lines) {
    public static final int MAX_DIAGNOSES = 12;
    public static final int MAX_MODIFIERS = 4;
    public static final int MAX_POINTERS = 4;
    public static final int MAX_LINES = 50;

    /** One line as keyed. */
    public record LineDraft(String procedureCode, List<String> modifiers, BigDecimal units, BigDecimal chargeAmount,
                            LocalDate serviceDate, List<Integer> diagnosisPointers, String revenueCode, String ndc) {
    }

    public ClaimDraft normalized() {
        List<String> dx = diagnoses == null ? null
                : diagnoses.stream().map(d -> d == null ? null : d.strip().toUpperCase(java.util.Locale.ROOT)).toList();
        List<LineDraft> ls = lines == null ? null : lines.stream().map(l -> l == null ? null
                : new LineDraft(upper(l.procedureCode()),
                        l.modifiers() == null ? List.of() : l.modifiers().stream().map(ClaimDraft::upper).toList(),
                        l.units(), l.chargeAmount(), l.serviceDate(),
                        l.diagnosisPointers(), trim(l.revenueCode()), trim(l.ndc()))).toList();
        return new ClaimDraft(patientId, coverageId, type, billingProviderId, renderingProviderId, referringProviderId,
                trim(placeOfService), trim(typeOfBill), admissionDate, dischargeDate, trim(priorAuthorization), dx, ls);
    }

    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (patientId == null) {
            errors.add(new FieldError("patientId", "is required"));
        }
        if (type == null) {
            errors.add(new FieldError("type", "is required: PROFESSIONAL or INSTITUTIONAL"));
        }
        if (billingProviderId == null) {
            errors.add(new FieldError("billingProviderId", "is required"));
        }
        text(errors, "placeOfService", placeOfService, 2);
        text(errors, "typeOfBill", typeOfBill, 4);
        text(errors, "priorAuthorization", priorAuthorization, 50);
        if (admissionDate != null && dischargeDate != null && dischargeDate.isBefore(admissionDate)) {
            errors.add(new FieldError("dischargeDate", "must not be before admissionDate"));
        }
        if (diagnoses == null || diagnoses.isEmpty()) {
            errors.add(new FieldError("diagnoses", "at least one diagnosis is required"));
        } else {
            if (diagnoses.size() > MAX_DIAGNOSES) {
                errors.add(new FieldError("diagnoses", "at most " + MAX_DIAGNOSES + " diagnoses"));
            }
            for (int i = 0; i < diagnoses.size(); i++) {
                String d = diagnoses.get(i);
                if (d == null || d.isEmpty()) {
                    errors.add(new FieldError("diagnoses[" + i + "]", "is required"));
                } else if (d.length() > 8) {
                    errors.add(new FieldError("diagnoses[" + i + "]", "must be at most 8 characters"));
                }
            }
        }
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "at least one line is required"));
        } else {
            if (lines.size() > MAX_LINES) {
                errors.add(new FieldError("lines", "at most " + MAX_LINES + " lines"));
            }
            for (int i = 0; i < lines.size(); i++) {
                line(errors, "lines[" + i + "]", lines.get(i));
            }
        }
        return errors;
    }

    private static void line(List<FieldError> errors, String at, LineDraft l) {
        if (l == null) {
            errors.add(new FieldError(at, "is required"));
            return;
        }
        if (l.procedureCode() == null || l.procedureCode().isEmpty()) {
            errors.add(new FieldError(at + ".procedureCode", "is required"));
        } else if (l.procedureCode().length() > 10) {
            errors.add(new FieldError(at + ".procedureCode", "must be at most 10 characters"));
        }
        if (l.modifiers().size() > MAX_MODIFIERS) {
            errors.add(new FieldError(at + ".modifiers", "at most " + MAX_MODIFIERS + " modifiers"));
        }
        for (int m = 0; m < l.modifiers().size(); m++) {
            String mod = l.modifiers().get(m);
            if (mod == null || mod.isEmpty() || mod.length() > 2) {
                errors.add(new FieldError(at + ".modifiers[" + m + "]", "must be 1 or 2 characters"));
            }
        }
        if (l.units() == null) {
            errors.add(new FieldError(at + ".units", "is required"));
        } else if (l.units().stripTrailingZeros().scale() > 3 || l.units().abs().compareTo(new BigDecimal("99999")) > 0) {
            errors.add(new FieldError(at + ".units", "must be a number with at most 3 decimals, below 100000"));
        }
        if (l.chargeAmount() == null) {
            // taken from the practice's charge master (DraftingClaims), or a 422 naming the line
        } else if (l.chargeAmount().scale() > 2 && l.chargeAmount().stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(at + ".chargeAmount", "must have at most two decimals"));
        } else if (l.chargeAmount().abs().compareTo(new BigDecimal("9999999.99")) > 0) {
            errors.add(new FieldError(at + ".chargeAmount", "must be below 10,000,000.00"));
        }
        if (l.serviceDate() == null) {
            errors.add(new FieldError(at + ".serviceDate", "is required"));
        }
        List<Integer> pointers = l.diagnosisPointers();
        if (pointers == null || pointers.isEmpty()) {
            errors.add(new FieldError(at + ".diagnosisPointers", "1 to " + MAX_POINTERS + " pointers are required"));
        } else {
            if (pointers.size() > MAX_POINTERS) {
                errors.add(new FieldError(at + ".diagnosisPointers", "at most " + MAX_POINTERS + " pointers"));
            }
            for (int p = 0; p < pointers.size(); p++) {
                if (pointers.get(p) == null || pointers.get(p) < 1) {
                    errors.add(new FieldError(at + ".diagnosisPointers[" + p + "]", "must be a position from 1"));
                }
            }
        }
        if (l.revenueCode() != null && l.revenueCode().length() > 4) {
            errors.add(new FieldError(at + ".revenueCode", "must be at most 4 characters"));
        }
        if (l.ndc() != null && l.ndc().length() > 13) {
            errors.add(new FieldError(at + ".ndc", "must be at most 13 characters"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String upper(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(java.util.Locale.ROOT);
    }

    /** The same draft with these lines. */
    public ClaimDraft withLines(List<LineDraft> newLines) {
        return new ClaimDraft(patientId, coverageId, type, billingProviderId, renderingProviderId, referringProviderId,
                placeOfService, typeOfBill, admissionDate, dischargeDate, priorAuthorization, diagnoses, newLines);
    }

    /** The claim's lines, numbered from 1, charges at two decimals; line ids kept by position when given. */
    public List<ClaimLine> toLines(List<UUID> lineIds) {
        List<ClaimLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineDraft l = lines.get(i);
            UUID id = lineIds != null && i < lineIds.size() ? lineIds.get(i) : UUID.randomUUID();
            out.add(new ClaimLine(id, i + 1, l.procedureCode(), l.modifiers(), l.units(),
                    l.chargeAmount().setScale(2), l.serviceDate(), l.diagnosisPointers(), l.revenueCode(), l.ndc()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ClaimDraft[" + (lines == null ? 0 : lines.size()) + " lines]";
    }
}
