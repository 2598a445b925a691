package dev.revcycle.collections.api;

import dev.revcycle.collections.domain.HoldTerms;
import dev.revcycle.collections.domain.NoteTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the collections API (strict JSON: unknown fields and wrong types are a 400). */
public final class Requests {
    private Requests() {
    }

    @Schema(name = "HoldRequest")
    public record HoldRequest(@Schema(required = true, enumeration = {"BANKRUPTCY", "PROBATE", "ATTORNEY", "DISPUTE", "RETURNED_MAIL"}) String type,
                              @Schema(description = "up to 1000 characters") String note,
                              @Schema(description = "up to 60: letters, digits, spaces, . / : # _ -", example = "LTR-2026-114") String reference,
                              @Schema(description = "the hold ends by itself after this day (today or later)") LocalDate until,
                              @Schema(description = "required for BANKRUPTCY, refused for any other type") BankruptcyBody bankruptcy,
                              @Schema(description = "required for PROBATE, refused for any other type") ProbateBody probate,
                              @Schema(description = "required for ATTORNEY, refused for any other type") AttorneyBody attorney,
                              @Schema(description = "required for DISPUTE, refused for any other type") DisputeBody dispute) {
        HoldTerms terms() {
            return new HoldTerms(type, note, reference, until,
                    bankruptcy == null ? null : new HoldTerms.Bankruptcy(bankruptcy.chapter(), bankruptcy.caseNumber(), bankruptcy.filingDate()),
                    probate == null ? null : new HoldTerms.Probate(probate.estateContact(), probate.claimDeadline()),
                    attorney == null ? null : new HoldTerms.Attorney(attorney.firm(), attorney.contact(),
                            attorney.letterOfProtection(), attorney.expectedSettlementDate(), attorney.expectedSettlementAmount()),
                    dispute == null ? null : new HoldTerms.Dispute(dispute.disputed()));
        }
    }

    @Schema(name = "BankruptcyDetails")
    public record BankruptcyBody(@Schema(required = true, enumeration = {"7", "11", "13"}) Integer chapter,
                                 @Schema(required = true, example = "26-10442") String caseNumber,
                                 @Schema(required = true, description = "not in the future") LocalDate filingDate) {
    }

    @Schema(name = "ProbateDetails")
    public record ProbateBody(@Schema(required = true, description = "who speaks for the estate (executor, attorney), up to 200")
                              String estateContact,
                              @Schema(description = "the last day to file a claim against the estate") LocalDate claimDeadline) {
    }

    @Schema(name = "AttorneyDetails")
    public record AttorneyBody(@Schema(required = true) String firm, @Schema(required = true) String contact,
                               @Schema(required = true) Boolean letterOfProtection, LocalDate expectedSettlementDate,
                               @Schema(example = "2500.00") BigDecimal expectedSettlementAmount) {
    }

    @Schema(name = "DisputeDetails")
    public record DisputeBody(@Schema(required = true, description = "what the patient disputes, up to 500") String disputed) {
    }

    @Schema(name = "HoldRelease")
    public record ReleaseRequest(@Schema(required = true, description = "why the hold ends, up to 500") String reason) {
    }

    @Schema(name = "Discharge")
    public record DischargeRequest(@Schema(required = true, description = "the court's discharge order's date") LocalDate dischargedOn,
                                   String note) {
    }

    @Schema(name = "NoteRequest")
    public record NoteRequest(@Schema(required = true, enumeration = {"CALL", "LETTER", "EMAIL", "INQUIRY", "COMPLAINT", "PROMISE_TO_PAY"}) String kind,
                              @Schema(required = true, description = "up to 4000 characters") String text,
                              @Schema(description = "today or later; for PROMISE_TO_PAY required: the day it is promised by") LocalDate followUpOn,
                              @Schema(description = "PROMISE_TO_PAY only", example = "50.00") BigDecimal promisedAmount) {
        NoteTerms terms() {
            return new NoteTerms(kind, text, followUpOn, promisedAmount);
        }
    }

    @Schema(name = "Appointment")
    public record AppointmentBody(@Schema(required = true) UUID patientId, @Schema(required = true) LocalDate date) {
    }

    @Schema(name = "AppointmentAlertRequest")
    public record AlertRequest(@Schema(required = true, example = "p1") String practiceId,
                               @Schema(required = true, description = "1 to 500") List<AppointmentBody> appointments) {
    }
}
