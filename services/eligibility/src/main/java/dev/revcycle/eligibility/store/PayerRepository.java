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

    /** By name; of one type when {@code type} is given. */
    public Page<Payer> list(PayerType type, PageRequest page) {
        Sort sort = Sort.by("name").and("id");
        PanacheQuery<Payer> query = type == null ? findAll(sort) : find("payerType", sort, type);
        long total = query.count();
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }
}
