package dev.revcycle.patients.store;

import dev.revcycle.common.db.AdvisoryLocks;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
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

    /** A registration's claim on an identity: the MRN number it may use and the patients it would duplicate. */
    public record IdentityClaim(long mrnNumber, List<UUID> sameIdentity) {
    }

    /**
     * Serialises registrations of the same practice, name and date of birth until the transaction
     * ends (so two front desks registering the same person at once cannot both miss each other) and
     * draws the next MRN number; then, in a second statement whose snapshot is taken once the lock
     * is held, finds active patients of the practice with that name (any case) and date of birth.
     */
    public IdentityClaim claimIdentity(String practiceId, String firstName, String lastName, LocalDate dateOfBirth) {
        String first = firstName.toLowerCase(Locale.ROOT);
        String last = lastName.toLowerCase(Locale.ROOT);
        long mrnNumber = ((Number) AdvisoryLocks.lockForTransactionAnd(getEntityManager(),
                "patient|" + practiceId + '|' + first + '|' + last + '|' + dateOfBirth, "nextval('patient_mrn_seq')")).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> same = getEntityManager().createNativeQuery("""
                        SELECT id FROM patient
                        WHERE practice_id = :practice AND date_of_birth = :dob AND lower(first_name) = :first
                          AND lower(last_name) = :last AND status = 'ACTIVE'
                        ORDER BY created_at""", UUID.class)
                .setParameter("practice", practiceId)
                .setParameter("dob", dateOfBirth)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList();
        return new IdentityClaim(mrnNumber, same);
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
        var count = getEntityManager().createNativeQuery("SELECT count(*) FROM patient WHERE " + where);
        var select = getEntityManager().createNativeQuery("SELECT * FROM patient WHERE " + where
                + " ORDER BY practice_id, lower(last_name) COLLATE \"C\", lower(first_name) COLLATE \"C\", id", Patient.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        @SuppressWarnings("unchecked")
        List<Patient> patients = new ArrayList<>(select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
        return new Page<>(patients, page.page(), page.size(), total);
    }

    private static String prefix(String column, String name, String prefix, Map<String, Object> params) {
        params.put(name + "From", prefix);
        params.put(name + "To", prefix + Character.MAX_VALUE);
        return column + " >= :" + name + "From AND " + column + " < :" + name + "To";
    }
}
