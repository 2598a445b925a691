package dev.revcycle.eligibility.domain;

import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.TypedText;
import dev.revcycle.x12.X12CharacterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What an administrator enters for a payer, cleaned up and checked. */
public record PayerDetails(String name, PayerType payerType, String x12PayerId, Integer timelyFilingDays) {
    /** Five years: no payer allows longer, and a typo of 36500 should not pass. */
    public static final int MAX_TIMELY_FILING_DAYS = 1825;
    /** NM103 of a payer holds at most 60 characters. */
    public static final int MAX_NAME_LENGTH = 60;

    /** Trimmed; the X12 payer id upper-cased, as clearinghouses list it. */
    public PayerDetails normalized() {
        String id = TypedText.clean(x12PayerId);
        return new PayerDetails(TypedText.clean(name), payerType, id == null ? null : id.toUpperCase(Locale.ROOT),
                timelyFilingDays);
    }

    /** Every rule this breaks, one per field; empty when it may be stored. */
    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH || !X12CharacterSet.isValid(name)) {
            // sent as is in every 270 (NM1*PR): refused here, not by the clearinghouse on each later check
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME_LENGTH + " characters of the X12 character set: "
                    + X12CharacterSet.DESCRIPTION));
        }
        if (payerType == null) {
            errors.add(new FieldError("payerType", "is required"));
        }
        if (x12PayerId == null) {
            errors.add(new FieldError("x12PayerId", "is required"));
        } else if (!Text.IDENTIFIER.matcher(x12PayerId).matches()) {
            errors.add(new FieldError("x12PayerId", "must be 1 to 80 letters, digits or dashes"));
        }
        if (timelyFilingDays == null) {
            errors.add(new FieldError("timelyFilingDays", "is required"));
        } else if (timelyFilingDays < 1 || timelyFilingDays > MAX_TIMELY_FILING_DAYS) {
            errors.add(new FieldError("timelyFilingDays", "must be 1 to " + MAX_TIMELY_FILING_DAYS));
        }
        return errors;
    }
}
