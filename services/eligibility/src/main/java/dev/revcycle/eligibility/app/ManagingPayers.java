package dev.revcycle.eligibility.app;

import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.domain.Conflict;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.eligibility.domain.Payer;
import dev.revcycle.eligibility.domain.PayerDetails;
import dev.revcycle.eligibility.domain.PayerType;
import dev.revcycle.eligibility.store.PayerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The payer list every practice shares: administrators add payers, everyone picks from it. */
@ApplicationScoped
public class ManagingPayers {
    public static final Reason DUPLICATE_PAYER = new Reason("duplicate-payer",
            "A payer with this X12 payer id already exists");

    @Inject
    PayerRepository payers;

    @Inject
    Clock clock;

    @Transactional
    public PayerView register(PayerDetails input) {
        PayerDetails details = Violations.checked(input.normalized(), PayerDetails::violations);
        payers.lockX12PayerId(details.x12PayerId());
        payers.findByX12PayerId(details.x12PayerId()).ifPresent(existing -> {
            throw new Conflict(DUPLICATE_PAYER, "Use the existing payer instead of adding it again",
                    Map.of("existingPayerId", existing.id()));
        });
        Payer payer = Payer.register(UUID.randomUUID(), details, clock.instant());
        payers.persist(payer);
        payers.flush();
        return PayerView.of(payer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PayerView get(UUID id) {
        Payer payer = payers.findById(id);
        if (payer == null) {
            throw new NotFound("Payer");
        }
        return PayerView.of(payer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PayerView> list(PayerType type, PageRequest page) {
        return payers.list(type, page).map(PayerView::of);
    }
}
