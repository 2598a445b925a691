package dev.revcycle.eligibility.app;

import dev.revcycle.eligibility.domain.Benefits;
import dev.revcycle.eligibility.domain.CheckStatus;
import dev.revcycle.eligibility.domain.EligibilityCheck;
import dev.revcycle.eligibility.domain.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A completed eligibility check without its interchanges (those are read on their own). */
public record CheckView(UUID id, UUID coverageId, UUID patientId, String practiceId, LocalDate serviceDate,
                        List<String> serviceTypeCodes, CheckStatus status, LocalDate planBegin, LocalDate planEnd,
                        Benefits benefits, List<Rejection> rejections, String errorReason, Instant checkedAt) {
    static CheckView of(EligibilityCheck c) {
        return new CheckView(c.id(), c.coverageId(), c.patientId(), c.practiceId(), c.serviceDate(),
                c.serviceTypeCodes(), c.status(), c.planBegin(), c.planEnd(), c.benefits(), c.rejections(),
                c.errorReason(), c.checkedAt());
    }
}
