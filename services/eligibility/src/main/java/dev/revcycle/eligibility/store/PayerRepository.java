package dev.revcycle.eligibility.store;

import dev.revcycle.common.db.AdvisoryLocks;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.eligibility.domain.Payer;
import dev.revcycle.eligibility.domain.PayerType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PayerRepository implements PanacheRepositoryBase<Payer, UUID> {

    public Optional<Payer> findByX12PayerId(String x12PayerId) {
        return find("x12PayerId", x12PayerId).firstResultOptional();
    }

    /** Serialises the registration of one X12 payer id, so two admins cannot both add it. */
    public void lockX12PayerId(String x12PayerId) {
        AdvisoryLocks.lockForTransaction(getEntityManager(), "payer|" + x12PayerId);
    }

    /** A payer list counts its payers up to this many ({@link Page#totalExact()} false past it). */
    public static final int COUNT_LIMIT = 1_000;

    /**
     * By name; of one type when {@code type} is given. In the order of the indexes payer_by_name and
     * payer_by_type_name, so a page reads its own rows; the count is capped, in the same order and with
     * the limit a parameter (as the page's), so its generic plan too reads at most {@value #COUNT_LIMIT} + 1
     * index entries.
     */
    public Page<Payer> list(PayerType type, PageRequest page) {
        Sort sort = Sort.by("name").and("id");
        PanacheQuery<Payer> query = type == null ? findAll(sort) : find("payerType", sort, type);
        var count = getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM payer"
                + (type == null ? " ORDER BY name, id" : " WHERE payer_type = :type ORDER BY payer_type, name, id")
                + " LIMIT :cap) AS capped").setParameter("cap", COUNT_LIMIT + 1);
        if (type != null) {
            count.setParameter("type", type.name());
        }
        long counted = ((Number) count.getSingleResult()).longValue();
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(),
                Math.min(counted, COUNT_LIMIT), counted <= COUNT_LIMIT);
    }
}
