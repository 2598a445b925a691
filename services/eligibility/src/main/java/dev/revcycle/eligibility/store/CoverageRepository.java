package dev.revcycle.eligibility.store;

import dev.revcycle.common.db.AdvisoryLocks;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.CoverageStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CoverageRepository implements PanacheRepositoryBase<Coverage, UUID> {

    /**
     * Serialises every change to one patient's coverages until the transaction ends, so that two
     * representatives adding a primary coverage at once cannot both see the priority free.
     */
    public void lockPatient(UUID patientId) {
        AdvisoryLocks.lockForTransaction(getEntityManager(), "coverage|" + patientId);
    }

    public List<Coverage> ofPatient(UUID patientId) {
        return find("patientId", Sort.by("priority").and("effectiveDate").and("id"), patientId).list();
    }

    /** One page of a patient's coverages in the given practices, active first, then by priority. */
    public Page<Coverage> ofPatient(UUID patientId, Collection<String> practices, CoverageStatus status, PageRequest page) {
        if (practices.isEmpty()) {
            return Page.empty(page);
        }
        Parameters params = Parameters.with("patient", patientId).and("practices", practices);
        String where = "patientId = :patient and practiceId in :practices";
        if (status != null) {
            where += " and status = :status";
            params.and("status", status);
        }
        PanacheQuery<Coverage> query = find(where, Sort.by("status").and("priority").and("effectiveDate", Sort.Direction.Descending).and("id"), params);
        long total = query.count();
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }
}
