package dev.revcycle.patients.store;

import dev.revcycle.common.db.AdvisoryLocks;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.patients.domain.PatientSearch;
import dev.revcycle.patients.domain.Patient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {
    /**
     * A search counts its matches up to this many, and pages reach no deeper: past it the total is
     * "at least this many" ({@link Page#totalExact()} false). Counting or skipping more would read
     * rows in proportion to the practice (a one-letter prefix in a practice of a million patients).
     */
    public static final int SEARCH_LIMIT = 1_000;

    /** A registration's claim on an identity: the MRN number it may use and the patients it would duplicate. */
    public record IdentityClaim(long mrnNumber, List<UUID> sameIdentity) {
    }

    /**
     * Serialises registrations of the same practice, name and date of birth until the transaction
     * ends (so two front desks registering the same person at once cannot both miss each other) and
     * draws the next MRN number; then, in a second statement whose snapshot is taken once the lock
     * is held, finds active patients of the practice with that name (any case) and date of birth.
     * The lookup's expressions are exactly those of the index {@code patient_dob_name} (lower() in
     * byte order), so even its generic plan reads only the patients of that identity.
     */
    public IdentityClaim claimIdentity(String practiceId, String firstName, String lastName, LocalDate dateOfBirth) {
        String first = firstName.toLowerCase(Locale.ROOT);
        String last = lastName.toLowerCase(Locale.ROOT);
        long mrnNumber = ((Number) AdvisoryLocks.lockForTransactionAnd(getEntityManager(),
                "patient|" + practiceId + '|' + first + '|' + last + '|' + dateOfBirth, "nextval('patient_mrn_seq')")).longValue();
        // No result class: Hibernate's key for a native query with a basic result class (UUID.class) never
        // equals the previous one, so every registration added an entry to its query plan cache, all in one
        // hash bucket, and looking it up came to half the service's CPU (JFR, issue 8).
        List<?> same = getEntityManager().createNativeQuery("""
                        SELECT id FROM patient
                        WHERE practice_id = :practice AND date_of_birth = :dob AND lower(last_name) COLLATE "C" = :last
                          AND lower(first_name) COLLATE "C" = :first AND status = 'ACTIVE'
                        ORDER BY created_at""")
                .setParameter("practice", practiceId)
                .setParameter("dob", dateOfBirth)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList();
        return new IdentityClaim(mrnNumber,
                same.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList());
    }

    /**
     * Name-prefix search as a front desk types it: {@code smi} matches last names starting with it;
     * {@code smith, jo} also wants the first name to start with {@code jo}. Ranges over the
     * byte-ordered lower-case index rather than LIKE, so a prepared statement keeps using it, and the
     * page comes out of the index in order.
     */
    public Page<Patient> search(PatientSearch criteria, Collection<String> practices, PageRequest page) {
        if (practices.isEmpty()) {
            return Page.empty(page);
        }
        StringJoiner where = new StringJoiner(" AND ");
        Map<String, Object> params = new LinkedHashMap<>();
        where.add("practice_id IN (:practices)");
        params.put("practices", practices);
        if (!criteria.includeMerged()) {
            where.add("status = 'ACTIVE'");
        }
        if (criteria.name() != null) {
            String name = criteria.name().toLowerCase(Locale.ROOT);
            int comma = name.indexOf(',');
            String last = comma >= 0 ? name.substring(0, comma).trim() : name;
            String first = comma >= 0 ? name.substring(comma + 1).trim() : "";
            where.add(prefix("lower(last_name) COLLATE \"C\"", "last", last, params));
            if (!first.isEmpty()) {
                where.add(prefix("lower(first_name) COLLATE \"C\"", "first", first, params));
            }
        }
        if (criteria.dateOfBirth() != null) {
            where.add("date_of_birth = :dob");
            params.put("dob", criteria.dateOfBirth());
        }
        if (criteria.mrn() != null) {
            where.add("mrn = :mrn");
            params.put("mrn", criteria.mrn());
        }
        if (page.offset() + page.size() > SEARCH_LIMIT) {
            throw Violations.of("page", "a search pages through its first " + SEARCH_LIMIT
                    + " matches only; narrow it (more letters of the name, a date of birth)");
        }
        // Capped: one row past the limit tells "more than SEARCH_LIMIT" without reading the rest. In the
        // page's index order and with the limit a parameter, like the page itself, so that its generic plan
        // is the page's: an ordered (index-only) scan that stops at the limit. With a literal limit the
        // generic plan could collect the whole practice in a bitmap and sort it (PatientQueryPlansTest).
        String order = " ORDER BY practice_id, lower(last_name) COLLATE \"C\", lower(first_name) COLLATE \"C\", id";
        var count = getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM patient WHERE " + where
                + order + " LIMIT :cap) AS capped");
        params.put("cap", SEARCH_LIMIT + 1);
        var select = getEntityManager().createNativeQuery("SELECT * FROM patient WHERE " + where + order, Patient.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            if (!"cap".equals(k)) {
                select.setParameter(k, v);
            }
        });
        long counted = ((Number) count.getSingleResult()).longValue();
        boolean exact = counted <= SEARCH_LIMIT;
        long total = Math.min(counted, SEARCH_LIMIT);
        if (total == 0 || page.offset() >= total) {
            return new Page<>(List.of(), page.page(), page.size(), total, exact);
        }
        @SuppressWarnings("unchecked")
        List<Patient> patients = new ArrayList<>(select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
        return new Page<>(patients, page.page(), page.size(), total, exact);
    }

    private static String prefix(String column, String name, String prefix, Map<String, Object> params) {
        params.put(name + "From", prefix);
        params.put(name + "To", prefix + Character.MAX_VALUE);
        return column + " >= :" + name + "From AND " + column + " < :" + name + "To";
    }
}
