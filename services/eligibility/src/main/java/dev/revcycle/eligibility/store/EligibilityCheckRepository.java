package dev.revcycle.eligibility.store;

import dev.revcycle.eligibility.domain.EligibilityCheck;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EligibilityCheckRepository implements PanacheRepositoryBase<EligibilityCheck, UUID> {

    /** The most recent check of a coverage for a service date. */
    public Optional<EligibilityCheck> latest(UUID coverageId, LocalDate serviceDate) {
        return find("coverageId = ?1 and serviceDate = ?2", Sort.by("checkedAt", Sort.Direction.Descending),
                coverageId, serviceDate).firstResultOptional();
    }

    /** ISA13/GS06 for the next 270: 1 to 999999999, then round again. */
    public long nextControlNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('x12_control_number_seq')")
                .getSingleResult()).longValue();
    }
}
