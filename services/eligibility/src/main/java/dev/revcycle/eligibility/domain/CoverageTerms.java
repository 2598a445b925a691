package dev.revcycle.eligibility.domain;

import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.PersonRules;
import dev.revcycle.common.domain.TypedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a representative enters from the insurance card: payer, member and group, priority, who the
 * subscriber is, and the dates. Cleaned up by {@link #normalized()} and checked by {@link #violations}.
 */
public record CoverageTerms(UUID payerId, String memberId, String groupNumber, String planName, Priority priority,
                            SubscriberRelationship subscriberRelationship, Subscriber subscriber,
                            LocalDate effectiveDate, LocalDate terminationDate,
                            MedicareSecondaryType medicareSecondaryType) {
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,49}");

    /** Terms without a Medicare secondary payer type (any coverage but Medicare billed second). */
    public CoverageTerms(UUID payerId, String memberId, String groupNumber, String planName, Priority priority,
                         SubscriberRelationship subscriberRelationship, Subscriber subscriber,
                         LocalDate effectiveDate, LocalDate terminationDate) {
        this(payerId, memberId, groupNumber, planName, priority, subscriberRelationship, subscriber, effectiveDate,
                terminationDate, null);
    }

    public CoverageTerms normalized() {
        String member = TypedText.clean(memberId);
        String group = TypedText.clean(groupNumber);
        return new CoverageTerms(payerId, member == null ? null : member.toUpperCase(Locale.ROOT),
                group == null ? null : group.toUpperCase(Locale.ROOT), TypedText.clean(planName), priority,
                subscriberRelationship, subscriber == null ? null : subscriber.normalized(), effectiveDate,
                terminationDate, medicareSecondaryType);
    }

    /** Every rule this breaks, one per field; empty when it may be stored. Messages never quote the value. */
    public List<FieldError> violations(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (payerId == null) {
            errors.add(new FieldError("payerId", "is required"));
        }
        if (memberId == null) {
            errors.add(new FieldError("memberId", "is required"));
        } else if (!Text.IDENTIFIER.matcher(memberId).matches()) {
            errors.add(new FieldError("memberId", "must be 1 to 80 letters, digits or dashes"));
        }
        if (groupNumber != null && !GROUP.matcher(groupNumber).matches()) {
            errors.add(new FieldError("groupNumber", "must be 1 to 50 letters, digits, spaces or dashes"));
        }
        if (planName != null && !Text.X12_TEXT.matcher(planName).matches()) {
            errors.add(new FieldError("planName", "must be 1 to 60 characters without * ~ : ^ |"));
        }
        if (priority == null) {
            errors.add(new FieldError("priority", "is required (PRIMARY, SECONDARY or TERTIARY)"));
        }
        if (subscriberRelationship == null) {
            errors.add(new FieldError("subscriberRelationship", "is required (SELF, SPOUSE, CHILD or OTHER)"));
        } else if (subscriberRelationship == SubscriberRelationship.SELF) {
            if (subscriber != null) {
                errors.add(new FieldError("subscriber", "must be left out when the patient is the subscriber (SELF)"));
            }
        } else if (subscriber == null) {
            errors.add(new FieldError("subscriber", "is required unless subscriberRelationship is SELF"));
        } else {
            subscriber(errors, today);
        }
        if (effectiveDate == null) {
            errors.add(new FieldError("effectiveDate", "is required"));
        } else if (terminationDate != null && terminationDate.isBefore(effectiveDate)) {
            errors.add(new FieldError("terminationDate", "must not be before effectiveDate"));
        }
        if (medicareSecondaryType != null && priority == Priority.PRIMARY) {
            errors.add(new FieldError("medicareSecondaryType", "is only for a coverage that is not PRIMARY"));
        }
        return errors;
    }

    private void subscriber(List<FieldError> errors, LocalDate today) {
        PersonRules.name(errors, "subscriber.firstName", subscriber.firstName());
        PersonRules.name(errors, "subscriber.lastName", subscriber.lastName());
        PersonRules.dateOfBirth(errors, "subscriber.dateOfBirth", subscriber.dateOfBirth(), today);
    }

    /** Member data is PHI: never printed. */
    @Override
    public String toString() {
        return "CoverageTerms[" + priority + ", " + subscriberRelationship + "]";
    }
}
