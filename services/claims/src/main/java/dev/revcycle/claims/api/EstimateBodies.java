package dev.revcycle.claims.api;

import dev.revcycle.claims.domain.pricing.Estimate;
import dev.revcycle.claims.domain.pricing.AdjudicatedVisit;
import dev.revcycle.claims.app.EstimatingCosts;
import dev.revcycle.claims.domain.pricing.EstimateTerms;
import dev.revcycle.claims.domain.pricing.PatientResponsibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of /estimates. */
final class EstimateBodies {
    private EstimateBodies() {
    }

    @Schema(name = "EstimateRequest")
    record Request(@Schema(required = true, example = "north-clinic") String practiceId,
                   @Schema(required = true) UUID patientId,
                   @Schema(description = "The patient's coverage; absent = self-pay (the cash prices)") UUID coverageId,
                   @Schema(required = true, example = "2026-12-15") LocalDate serviceDate,
                   @Schema(required = true, description = "1 to 20 CPT/HCPCS codes", example = "[\"99213\",\"81002\"]") List<String> procedureCodes) {
        EstimateTerms toTerms() {
            return new EstimateTerms(patientId, coverageId, serviceDate, procedureCodes);
        }
    }

    @Schema(name = "EstimateLine")
    record Line(String procedureCode,
                @Schema(description = "The practice's standard charge (charge master)") BigDecimal charge,
                @Schema(description = "The payer's contracted amount (fee schedule); the charge when there is none; "
                        + "self-pay: the cash price") BigDecimal allowed,
                BigDecimal patientResponsibility) {
        static Line of(PatientResponsibility.Line l) {
            return new Line(l.procedureCode(), l.charge(), l.allowed(), l.patientResponsibility());
        }
    }

    @Schema(name = "EstimateActualLine")
    record ActualLine(String procedureCode, BigDecimal allowed, BigDecimal paid, BigDecimal patientResponsibility) {
    }

    @Schema(name = "EstimateActual", description = "What the payer's 835 said about the visit's claim")
    record Actual(UUID claimId, UUID adjudicationId, String outcome, Instant adjudicatedAt,
                  BigDecimal paid, BigDecimal patientResponsibility,
                  @Schema(description = "actual − estimated patient responsibility") BigDecimal difference,
                  List<ActualLine> lines) {
    }

    @Schema(name = "Estimate")
    record Response(UUID id, String practiceId, UUID patientId, UUID coverageId, UUID payerId, LocalDate serviceDate,
                    List<Line> lines, BigDecimal totalCharge, BigDecimal totalAllowed, BigDecimal totalPatientResponsibility,
                    List<String> assumptions, Instant createdAt,
                    @Schema(description = "Absent until the claim of this patient, date of service and coverage is "
                            + "adjudicated") Actual actual) {
        static Response of(EstimatingCosts.EstimateView v) {
            Estimate s = v.estimate();
            PatientResponsibility.Estimated e = v.estimated();
            AdjudicatedVisit a = v.actual();
            Actual actual = a == null ? null : new Actual(a.claimId(), a.adjudicationId(), a.outcome(), a.adjudicatedAt(),
                    a.paid(), a.patientResponsibility(), a.patientResponsibility().subtract(e.totalPatientResponsibility()),
                    a.lines().stream().map(l -> new ActualLine(l.procedureCode(), l.allowed(), l.paid(),
                            l.patientResponsibility())).toList());
            return new Response(s.id(), s.practiceId(), s.patientId(), s.coverageId(), s.payerId(), s.serviceDate(),
                    e.lines().stream().map(Line::of).toList(), e.totalCharge(), e.totalAllowed(),
                    e.totalPatientResponsibility(), e.assumptions(), s.createdAt(), actual);
        }
    }
}
