package dev.revcycle.eligibility.app;

import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageRequest;
import dev.revcycle.common.problem.Problem.FieldError;
import dev.revcycle.common.problem.ProblemException;
import dev.revcycle.common.problem.ProblemType;
import dev.revcycle.eligibility.domain.Payer;
import dev.revcycle.eligibility.domain.PayerDetails;
import dev.revcycle.eligibility.domain.PayerType;
import dev.revcycle.eligibility.store.PayerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The payer list every practice shares: administrators add payers, everyone picks from it. */
@ApplicationScoped
public class ManagingPayers {
    public static final ProblemType DUPLICATE_PAYER = ProblemType.of("duplicate-payer",
            "A payer with this X12 payer id already exists", 409);

    @Inject
    PayerRepository payers;

    @Inject
    Clock clock;

    @Transactional
    public PayerView register(PayerDetails input) {
        PayerDetails details = input.normalized();
        List<FieldError> errors = details.violations();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        payers.lockX12PayerId(details.x12PayerId());
        payers.findByX12PayerId(details.x12PayerId()).ifPresent(existing -> {
            throw ProblemException.conflict(DUPLICATE_PAYER, "Use the existing payer instead of adding it again",
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
            throw ProblemException.notFound("Payer");
        }
        return PayerView.of(payer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PayerView> list(PayerType type, PageRequest page) {
        return payers.list(type, page).map(PayerView::of);
    }
}
