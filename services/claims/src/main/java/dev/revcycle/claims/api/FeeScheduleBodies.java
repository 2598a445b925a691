package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.pricing.FeeScheduleVersion;
import dev.revcycle.claims.app.ManagingFeeSchedules;
import dev.revcycle.claims.domain.pricing.ContractedRate;
import dev.revcycle.claims.domain.pricing.FeeScheduleTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /fee-schedules. */
final class FeeScheduleBodies {
    private FeeScheduleBodies() {
    }

    @Schema(name = "ContractedRate")
    record Rate(@Schema(required = true, example = "99213") String procedureCode,
                @Schema(description = "Absent = the code without a modifier (also used for a modifier without its own rate)") String modifier,
                @Schema(required = true, description = "The contracted allowed amount", example = "112.00") BigDecimal allowed) {
        ContractedRate toRate() {
            return new ContractedRate(procedureCode, modifier, allowed);
        }

        static Rate of(ContractedRate r) {
            return new Rate(r.procedureCode(), r.modifier().isEmpty() ? null : r.modifier(), r.allowed());
        }
    }

    @Schema(name = "FeeScheduleRequest")
    record Request(@Schema(required = true, example = "north-clinic") String practiceId,
                   @Schema(required = true, description = "The first date of service the rates apply to") LocalDate effectiveFrom,
                   @Schema(required = true, description = "The whole schedule from that date (up to 20,000 rates)") List<Rate> rates) {
        FeeScheduleTerms toTerms() {
            return new FeeScheduleTerms(effectiveFrom, rates == null ? null
                    : rates.stream().map(r -> r == null ? null : r.toRate()).toList());
        }
    }

    @Schema(name = "FeeScheduleVersion")
    record Version(UUID versionId, LocalDate effectiveFrom,
                   @Schema(description = "The day before the next version's effectiveFrom; absent for the latest") LocalDate effectiveTo,
                   int rateCount, @Schema(description = "1, one more each time the same date is PUT again") long version,
                   Instant createdAt, String createdBy) {
        static Version of(FeeScheduleVersion v, LocalDate effectiveTo) {
            return new Version(v.id(), v.effectiveFrom(), effectiveTo, v.rateCount(), v.version(), v.createdAt(),
                    v.createdBy());
        }
    }

    @Schema(name = "FeeSchedule")
    record Response(String practiceId, UUID payerId, Version version, List<Rate> rates) {
        static Response of(ManagingFeeSchedules.VersionView v) {
            return new Response(v.practiceId(), v.version().payerId(), Version.of(v.version(), v.effectiveTo()),
                    v.rates().stream().map(Rate::of).toList());
        }
    }

    @Schema(name = "FeeScheduleHistory")
    record History(String practiceId, UUID payerId, @Schema(description = "Newest first (at most 500)") List<Version> items) {
        static History of(String practiceId, UUID payerId, List<FeeScheduleVersion> versions) {
            java.util.ArrayList<Version> items = new java.util.ArrayList<>();
            LocalDate nextStart = null;
            for (FeeScheduleVersion v : versions) {
                items.add(Version.of(v, nextStart == null ? null : nextStart.minusDays(1)));
                nextStart = v.effectiveFrom();
            }
            return new History(practiceId, payerId, items);
        }
    }
}
