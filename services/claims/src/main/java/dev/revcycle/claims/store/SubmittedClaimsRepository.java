package dev.revcycle.claims.store;

import dev.revcycle.claims.scrub.SubmittedClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The duplicate lookup of the scrubber: a SUBMITTED or ACCEPTED claim of the practice for the same
 * patient whose lines on that date of service have exactly the same procedure codes (index
 * {@code claim_sent_by_patient}, V20).
 */
@ApplicationScoped
public class SubmittedClaimsRepository implements SubmittedClaims {
    /** Parameters: patient, practice, excluded claim, service date (ISO text, as the lines' jsonb has it), codes (text[]). */
    public static final String EXISTS_DUPLICATE = "SELECT EXISTS (SELECT 1 FROM claim c WHERE c.patient_id = ?"
            + " AND c.practice_id = ? AND c.status IN ('SUBMITTED', 'ACCEPTED') AND c.id <> ?"
            + " AND ARRAY(SELECT DISTINCT l ->> 'procedureCode' FROM jsonb_array_elements(c.lines) l"
            + " WHERE l ->> 'serviceDate' = ? ORDER BY 1) = ?::text[])";

    @Inject
    Jdbc jdbc;

    @Override
    public boolean existsSubmittedDuplicate(String practiceId, UUID patientId, LocalDate serviceDate, Set<String> procedureCodes,
                                            UUID excludingClaimId) {
        String[] codes = new TreeSet<>(procedureCodes).toArray(String[]::new);
        return jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(EXISTS_DUPLICATE)) {
                Jdbc.uuid(s, 1, patientId);
                s.setString(2, practiceId);
                Jdbc.uuid(s, 3, excludingClaimId);
                s.setString(4, serviceDate.toString());
                s.setArray(5, c.createArrayOf("text", codes));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }
}
