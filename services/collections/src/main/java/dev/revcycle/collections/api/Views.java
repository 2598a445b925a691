package dev.revcycle.collections.api;

import dev.revcycle.collections.app.Aging;
import dev.revcycle.collections.app.CollectionStatuses;
import dev.revcycle.collections.app.Holds;
import dev.revcycle.collections.domain.AccountBalances;
import dev.revcycle.collections.domain.AccountNote;
import dev.revcycle.collections.domain.AgingBucket;
import dev.revcycle.collections.domain.AppointmentAlert;
import dev.revcycle.collections.domain.Hold;
import dev.revcycle.collections.domain.HoldTerms;
import dev.revcycle.collections.domain.NextAction;
import dev.revcycle.collections.domain.Standing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response bodies of the collections API, made from the use cases' results (no entity leaves the service). */
public final class Views {
    private Views() {
    }

    @Schema(name = "Hold")
    public record HoldView(UUID id, UUID accountId, String practiceId,
                           @Schema(enumeration = {"BANKRUPTCY", "PROBATE", "ATTORNEY", "DISPUTE", "RETURNED_MAIL"}) String type,
                           @Schema(enumeration = {"ACTIVE", "EXPIRED", "RELEASED", "DISCHARGED"}) String status,
                           String note, String reference, LocalDate until,
                           @Schema(description = "opened by an event (a death, returned mail)") boolean automatic,
                           HoldTerms.Bankruptcy bankruptcy, HoldTerms.Probate probate, HoldTerms.Attorney attorney,
                           HoldTerms.Dispute dispute, String placedBy, Instant placedAt, Instant releasedAt,
                           String releasedBy,
                           @Schema(enumeration = {"RELEASED", "DISCHARGED", "ADDRESS_CORRECTED", "MERGED"}) String releaseReason,
                           String releaseNote, LocalDate dischargedOn, UUID writeOffRequestId) {
        static HoldView of(Hold h, LocalDate today) {
            return new HoldView(h.id(), h.accountId(), h.practiceId(), h.type().name(), h.status(today), h.note(),
                    h.reference(), h.until(), h.automatic(), h.bankruptcy(), h.probate(), h.attorney(), h.dispute(),
                    h.placedBy(), h.placedAt(), h.releasedAt(), h.releasedBy(), h.releaseReason(), h.releaseNote(),
                    h.dischargedOn(), h.writeOffRequestId());
        }
    }

    @Schema(name = "Discharged")
    public record DischargedView(HoldView hold,
                                 @Schema(description = "the WriteOffRequested BAD_DEBT sent to payments; null when nothing was owed") UUID writeOffRequestId,
                                 @Schema(example = "412.50") BigDecimal writtenOff) {
        static DischargedView of(Holds.Discharged d, LocalDate today) {
            return new DischargedView(HoldView.of(d.hold(), today), d.writeOffRequestId(), d.writtenOff());
        }
    }

    @Schema(name = "Note")
    public record NoteView(UUID id, UUID accountId,
                           @Schema(enumeration = {"CALL", "LETTER", "EMAIL", "INQUIRY", "COMPLAINT", "PROMISE_TO_PAY"}) String kind,
                           String text, LocalDate followUpOn, BigDecimal promisedAmount, String createdBy,
                           Instant createdAt) {
        static NoteView of(AccountNote n) {
            return new NoteView(n.id(), n.accountId(), n.kind().name(), n.text(), n.followUpOn(), n.promisedAmount(),
                    n.createdBy(), n.createdAt());
        }
    }

    @Schema(name = "AgingSums")
    public record SumsView(long accounts, long patientAccounts, long insuranceAccounts,
                           @Schema(example = "1520.00") BigDecimal patientBalance,
                           @Schema(example = "8400.00") BigDecimal insuranceBalance,
                           @Schema(example = "9920.00") BigDecimal total) {
        static SumsView of(Aging.Sums s) {
            return new SumsView(s.accounts(), s.patientAccounts(), s.insuranceAccounts(), s.patientBalance(),
                    s.insuranceBalance(), s.total());
        }
    }

    @Schema(name = "AgingBucket")
    public record BucketView(@Schema(example = "31-60") String bucket, int fromDays,
                             @Schema(description = "null for 120+") Integer toDays, long accounts, long patientAccounts,
                             long insuranceAccounts, BigDecimal patientBalance, BigDecimal insuranceBalance,
                             BigDecimal total) {
        static BucketView of(Aging.Bucket b) {
            Aging.Sums s = b.sums();
            return new BucketView(b.bucket().label(), b.bucket().fromDays(), b.bucket().toDays(), s.accounts(),
                    s.patientAccounts(), s.insuranceAccounts(), s.patientBalance(), s.insuranceBalance(), s.total());
        }
    }

    @Schema(name = "Aging")
    public record AgingView(String practiceId, LocalDate asOf,
                            @Schema(example = "oldest open date of service") String agedBy, List<BucketView> buckets,
                            @Schema(description = "open balances without a date of service: in the totals, in no bucket") SumsView undated,
                            SumsView totals) {
        static AgingView of(Aging.Report r) {
            return new AgingView(r.practiceId(), r.asOf(), "oldest open date of service",
                    r.buckets().stream().map(BucketView::of).toList(), SumsView.of(r.undated()), SumsView.of(r.totals()));
        }
    }

    @Schema(name = "NextAction")
    public record NextActionView(@Schema(enumeration = {"NONE", "HOLD", "AGENCY", "WAIT_FOR_PROMISE", "FOLLOW_UP_PLAN",
            "WRITE_OFF_SMALL_BALANCE", "SEND_STATEMENT", "WAIT", "CONSIDER_PLACEMENT"}) String action, String description,
                                 LocalDate on) {
        static NextActionView of(NextAction a) {
            return new NextActionView(a.action(), a.description(), a.on());
        }
    }

    @Schema(name = "PromiseToPay")
    public record PromiseView(LocalDate until, BigDecimal amount, boolean current) {
    }

    @Schema(name = "CollectionStatus")
    public record StatusView(UUID accountId, String practiceId, UUID patientId, LocalDate asOf, BigDecimal balance,
                             BigDecimal patientBalance, BigDecimal insuranceBalance, BigDecimal creditBalance,
                             LocalDate oldestOpenServiceDate,
                             @Schema(description = "0-30, 31-60, 61-90, 91-120, 120+; null when nothing is open") String bucket,
                             Long daysOld,
                             @Schema(description = "the last statement's level (1 statement … 4 final notice); null before the first") Integer dunningLevel,
                             @Schema(description = "null without a plan") Standing.Plan plan,
                             List<HoldView> holds,
                             @Schema(description = "null unless placed") Standing.Placement placement,
                             @Schema(description = "null before the first") Standing.Statement lastStatement,
                             @Schema(description = "null without one") PromiseView promiseToPay, boolean deceased,
                             boolean addressUndeliverable, UUID mergedInto, NextActionView nextAction,
                             @Schema(description = "payments' account version the balances reflect") long balanceVersion) {
        static StatusView of(CollectionStatuses.Status s) {
            AccountBalances b = s.account().balances();
            AgingBucket bucket = s.bucket();
            Standing st = s.standing() == null ? Standing.NONE : s.standing();
            return new StatusView(s.account().id(), s.account().practiceId(), s.account().patientId(), s.asOf(),
                    b.balance(), b.patientBalance(), b.insuranceBalance(), b.creditBalance(), b.oldestOpenServiceDate(),
                    bucket == null ? null : bucket.label(), s.daysOld(), st.dunningLevel(), st.plan(),
                    s.activeHolds().stream().map(h -> HoldView.of(h, s.asOf())).toList(), st.placement(),
                    st.lastStatement(),
                    s.account().promiseToPayUntil() == null ? null : new PromiseView(s.account().promiseToPayUntil(),
                            s.account().promiseToPayAmount(), s.account().promiseCovers(s.asOf())),
                    s.deceased(), s.addressUndeliverable(), s.account().mergedInto(), NextActionView.of(s.nextAction()),
                    b.version());
        }
    }

    @Schema(name = "AppointmentAlertItem")
    public record AlertItemView(@Schema(enumeration = {"PAST_DUE_BALANCE", "PLAN_IN_ARREARS", "HOLD", "PLACED_WITH_AGENCY"}) String type,
                                UUID accountId, String holdType, String message, BigDecimal amount) {
    }

    @Schema(name = "AppointmentAlert")
    public record AlertView(UUID patientId, LocalDate appointmentDate, List<AlertItemView> alerts,
                            @Schema(example = "120.00") BigDecimal amountToAsk) {
        static AlertView of(AppointmentAlert a) {
            return new AlertView(a.patientId(), a.appointmentDate(), a.alerts().stream()
                    .map(i -> new AlertItemView(i.type().name(), i.accountId(), i.holdType(), i.message(), i.amount()))
                    .toList(), a.amountToAsk());
        }
    }

    @Schema(name = "AppointmentAlerts")
    public record AlertsView(String practiceId, int appointments, List<AlertView> alerts) {
    }
}
