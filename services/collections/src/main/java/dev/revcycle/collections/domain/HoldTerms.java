package dev.revcycle.collections.domain;

import dev.revcycle.common.domain.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A hold as a collector asks for it: the type, a note, a reference, an optional end, and the details of that
 * type (and of no other). {@link #violations(LocalDate)} lists every broken rule; messages never quote a value.
 */
public record HoldTerms(String type, String note, String reference, LocalDate until, Bankruptcy bankruptcy,
                        Probate probate, Attorney attorney, Dispute dispute) {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./:#_-]{0,59}");
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./ -]{0,29}");

    /** Bankruptcy: chapter 7, 11 or 13, the court's case number and the filing date. */
    public record Bankruptcy(Integer chapter, String caseNumber, LocalDate filingDate) {
    }

    /** Probate: who speaks for the estate, and the last day to file a claim against it. */
    public record Probate(String estateContact, LocalDate claimDeadline) {
    }

    /** An attorney: the firm, the contact there, whether a letter of protection was given, the expected settlement. */
    public record Attorney(String firm, String contact, Boolean letterOfProtection, LocalDate expectedSettlementDate,
                           BigDecimal expectedSettlementAmount) {
    }

    /** A dispute: what the patient disputes. */
    public record Dispute(String disputed) {
    }

    public HoldType holdType() {
        return HoldType.valueOf(type);
    }

    public List<FieldError> violations(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        HoldType t = null;
        if (type == null) {
            errors.add(new FieldError("type", "is required"));
        } else {
            try {
                t = HoldType.valueOf(type);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of BANKRUPTCY, PROBATE, ATTORNEY, DISPUTE, RETURNED_MAIL"));
            }
        }
        text(errors, "note", note, 1000, false);
        if (reference != null && !REFERENCE.matcher(reference.strip()).matches()) {
            errors.add(new FieldError("reference", "must be 1-60 letters, digits, spaces or . / : # _ -"));
        }
        if (until != null && until.isBefore(today)) {
            errors.add(new FieldError("until", "must be today or later"));
        }
        only(errors, t, HoldType.BANKRUPTCY, "bankruptcy", bankruptcy);
        only(errors, t, HoldType.PROBATE, "probate", probate);
        only(errors, t, HoldType.ATTORNEY, "attorney", attorney);
        only(errors, t, HoldType.DISPUTE, "dispute", dispute);
        if (t == HoldType.BANKRUPTCY && bankruptcy != null) {
            Integer ch = bankruptcy.chapter();
            if (ch == null) {
                errors.add(new FieldError("bankruptcy.chapter", "is required"));
            } else if (ch != 7 && ch != 11 && ch != 13) {
                errors.add(new FieldError("bankruptcy.chapter", "must be 7, 11 or 13"));
            }
            if (bankruptcy.caseNumber() == null || bankruptcy.caseNumber().isBlank()) {
                errors.add(new FieldError("bankruptcy.caseNumber", "is required"));
            } else if (!CASE_NUMBER.matcher(bankruptcy.caseNumber().strip()).matches()) {
                errors.add(new FieldError("bankruptcy.caseNumber", "must be 1-30 letters, digits, spaces or : . / -"));
            }
            if (bankruptcy.filingDate() == null) {
                errors.add(new FieldError("bankruptcy.filingDate", "is required"));
            } else if (bankruptcy.filingDate().isAfter(today)) {
                errors.add(new FieldError("bankruptcy.filingDate", "must not be in the future"));
            }
        }
        if (t == HoldType.PROBATE && probate != null) {
            text(errors, "probate.estateContact", probate.estateContact(), 200, true);
        }
        if (t == HoldType.ATTORNEY && attorney != null) {
            text(errors, "attorney.firm", attorney.firm(), 200, true);
            text(errors, "attorney.contact", attorney.contact(), 200, true);
            if (attorney.letterOfProtection() == null) {
                errors.add(new FieldError("attorney.letterOfProtection", "is required (true or false)"));
            }
            BigDecimal amount = attorney.expectedSettlementAmount();
            if (amount != null && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                    || amount.compareTo(new BigDecimal("9999999999.99")) > 0)) {
                errors.add(new FieldError("attorney.expectedSettlementAmount",
                        "must be an amount above zero with at most two decimals"));
            }
        }
        if (t == HoldType.DISPUTE && dispute != null) {
            text(errors, "dispute.disputed", dispute.disputed(), 500, true);
        }
        return errors;
    }

    /** The terms with text trimmed (call once they have no violations). */
    public HoldTerms normalized() {
        return new HoldTerms(type, strip(note), strip(reference), until,
                bankruptcy == null ? null : new Bankruptcy(bankruptcy.chapter(), strip(bankruptcy.caseNumber()),
                        bankruptcy.filingDate()),
                probate == null ? null : new Probate(strip(probate.estateContact()), probate.claimDeadline()),
                attorney == null ? null : new Attorney(strip(attorney.firm()), strip(attorney.contact()),
                        attorney.letterOfProtection(), attorney.expectedSettlementDate(),
                        attorney.expectedSettlementAmount() == null ? null : attorney.expectedSettlementAmount().setScale(2)),
                dispute == null ? null : new Dispute(strip(dispute.disputed())));
    }

    private static void only(List<FieldError> errors, HoldType t, HoldType owner, String field, Object details) {
        if (t == null) {
            return;
        }
        if (t == owner && details == null) {
            errors.add(new FieldError(field, "is required for a " + owner + " hold"));
        } else if (t != owner && details != null) {
            errors.add(new FieldError(field, "is only for a " + owner + " hold"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            } else if (value != null) {
                errors.add(new FieldError(field, "must not be blank"));
            }
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    @Override
    public String toString() {
        return "HoldTerms[" + type + "]";
    }
}
