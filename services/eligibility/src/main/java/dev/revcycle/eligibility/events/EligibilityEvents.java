package dev.revcycle.eligibility.events;

import dev.revcycle.common.outbox.Outbox;
import dev.revcycle.contracts.EventTypes;
import dev.revcycle.contracts.Topics;
import dev.revcycle.contracts.eligibility.Benefits;
import dev.revcycle.contracts.eligibility.EligibilityVerified;
import dev.revcycle.contracts.eligibility.Rejection;
import dev.revcycle.eligibility.domain.EligibilityCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** EligibilityVerified for every completed check, through the outbox; keyed by patient id. */
@ApplicationScoped
public class EligibilityEvents {
    /** A check is recorded once and never changes: its one event is its version 1. */
    static final long CHECK_VERSION = 1;

    @Inject
    Outbox outbox;

    public void verified(EligibilityCheck check) {
        var b = check.benefits();
        Benefits benefits = b == null ? null : new Benefits(b.copay(), b.coinsurancePercent(), b.deductible(),
                b.deductibleRemaining(), b.outOfPocket(), b.outOfPocketRemaining());
        outbox.publish(Topics.ELIGIBILITY, EventTypes.ELIGIBILITY_VERIFIED, check.patientId().toString(),
                new EligibilityVerified(check.id(), check.coverageId(), check.patientId(), check.practiceId(),
                        check.serviceDate(), check.status().name(), check.planBegin(), check.planEnd(), benefits,
                        check.rejections().stream().map(r -> new Rejection(r.code(), r.description())).toList(),
                        CHECK_VERSION));
    }
}
