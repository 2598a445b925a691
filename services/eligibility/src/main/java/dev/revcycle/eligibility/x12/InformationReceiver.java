package dev.revcycle.eligibility.x12;

import dev.revcycle.x12.X12CharacterSet;
import java.util.Optional;

/**
 * Loop 2100B of the 270, the information receiver: the provider asking (NM1*1P). NM102 is 1 for a
 * person, 2 for an organisation; NM103 the last or organisation name (1–60), NM104 a person's first
 * name (1–35, left out when there is none), NM108 XX and NM109 the NPI.
 */
public record InformationReceiver(boolean person, String lastOrOrganizationName, String firstName, String npi) {
    static final int LAST_OR_ORGANIZATION_MAX = 60;
    static final int FIRST_MAX = 35;

    public InformationReceiver {
        if (lastOrOrganizationName == null || lastOrOrganizationName.isBlank()
                || lastOrOrganizationName.length() > LAST_OR_ORGANIZATION_MAX) {
            throw new IllegalArgumentException("provider name must be 1 to 60 characters");
        }
        if (firstName != null && (!person || firstName.isBlank() || firstName.length() > FIRST_MAX)) {
            throw new IllegalArgumentException("provider first name must be 1 to 35 characters, for a person only");
        }
        if (npi == null || !npi.matches("\\d{10}")) {
            throw new IllegalArgumentException("providerNpi must be ten digits");
        }
    }

    public static InformationReceiver organization(String name, String npi) {
        return new InformationReceiver(false, name, null, npi);
    }

    /**
     * The receiver as a 270 can carry it: each name in the X12 character set (accents dropped, an X12
     * delimiter or anything else outside the set becomes a space) and cut to its element's length.
     *
     * @return empty when nothing writable is left of the (last or organisation) name
     */
    public static Optional<InformationReceiver> writable(boolean person, String lastOrOrganizationName,
                                                         String firstName, String npi) {
        String last = fit(lastOrOrganizationName, LAST_OR_ORGANIZATION_MAX);
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(new InformationReceiver(person, last, person ? fit(firstName, FIRST_MAX) : null, npi));
    }

    NameCode code() {
        return person ? NameCode.PERSON : NameCode.ORGANIZATION;
    }

    /** NM102, the entity type qualifier. */
    enum NameCode {
        PERSON("1"),
        ORGANIZATION("2");

        final String x12;

        NameCode(String x12) {
            this.x12 = x12;
        }
    }

    private static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = X12CharacterSet.transliterate(value.strip());
        if (text.length() > max) {
            text = text.substring(0, max).strip();
        }
        return text.isEmpty() ? null : text;
    }
}
