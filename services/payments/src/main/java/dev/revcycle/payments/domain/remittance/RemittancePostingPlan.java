package dev.revcycle.payments.domain.remittance;

import dev.revcycle.payments.domain.EntrySource;
import dev.revcycle.payments.domain.EntryType;
import dev.revcycle.payments.domain.PlannedEntry;
import dev.revcycle.payments.domain.ReasonCode;
import dev.revcycle.payments.domain.Responsibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one balanced CLP into ledger entries, following the X12 meaning:
 * <ul>
 * <li>PAYMENT (insurance) totalling CLP04: per line from SVC03, the rest (no lines, or lines not adding up to CLP04)
 *     at claim level;</li>
 * <li>CAS CO, OA, PI, CR → ADJUSTMENT (insurance responsibility) with group, CARC and the line's first RARC;
 *     claim-level CAS at claim level, line-level CAS on the line;</li>
 * <li>CAS PR (1 deductible, 2 coinsurance, 3 copay, 96 non-covered …) → TRANSFER to PATIENT — unless the patient has
 *     an active coverage of lower priority on the date of service, or the payer says it forwarded the claim
 *     (CLP02 19, 20, 21): then the amount stays insurance responsibility for the next payer;</li>
 * <li>CLP02 4 (denied) → the payment of CLP04 (normally 0) and nothing else: the balance stays with insurance while
 *     the denial is worked;</li>
 * <li>CLP02 22 (reversal) → every entry the earlier remittance posted for the claim, to be reversed exactly by
 *     {@code Posting.reverse} (one REVERSAL each, dated {@code effectiveDate});</li>
 * <li>CLP02 23 (not our claim, forwarded) and 25 (predetermination) → nothing posted.</li>
 * </ul>
 * A negative amount outside a reversal (a payer correcting itself inside a regular CLP) is not auto-posted: the claim
 * is NOT_POSTED with a warning, for a poster to work. Lines are matched by REF*6R (control number or line number),
 * else by procedure code and date of service; an unmatched line's entries go to claim level with a warning.
 */
public final class RemittancePostingPlan {

    private static final Set<String> FORWARDED = Set.of("19", "20", "21");
    private static final Set<String> NOT_POSTED = Set.of("23", "25");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private RemittancePostingPlan() {
    }

    /**
     * @param lowerPriorityCoverageActive whether the patient has another active coverage of lower priority on the
     *                                    claim's date of service
     * @param earlier                     for a reversal: the entries earlier remittances posted for this claim
     *                                    (source REMITTANCE), not yet reversed
     * @param sourceReference             the remittance's id, recorded on every entry
     */
    public static ClaimPosting plan(RemittanceClaim clp, MatchedClaim claim, boolean lowerPriorityCoverageActive,
                                    List<EarlierEntry> earlier, LocalDate effectiveDate, String sourceReference) {
        List<String> warnings = new ArrayList<>();
        List<ClaimPosting.LineResult> results = new ArrayList<>();
        List<UUID> lineIds = new ArrayList<>();
        for (ServiceLine line : clp.lines()) {
            UUID lineId = matchLine(line, clp, claim).orElse(null);
            if (lineId == null) {
                warnings.add("line " + line.number() + " (SVC at segment " + line.position()
                        + ") matches no line of the claim; posted at claim level");
            }
            lineIds.add(lineId);
            results.add(new ClaimPosting.LineResult(line.number(), lineId, line.procedureCode(), line.charged(),
                    line.paid(), line.allowed(), patientTotal(line.adjustments()), line.adjustments(), line.remarkCodes()));
        }
        BigDecimal pr = patientTotal(clp.adjustments());
        for (ServiceLine line : clp.lines()) {
            pr = pr.add(patientTotal(line.adjustments()));
        }
        if (clp.reversal()) {
            return reversal(clp, claim, earlier, results, pr, warnings, effectiveDate, sourceReference);
        }
        if (NOT_POSTED.contains(clp.statusCode())) {
            warnings.add("CLP02 " + clp.statusCode() + " moves no money: nothing posted");
            return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.NOT_POSTED, List.of(), List.of(),
                    clp.paid(), ZERO, pr, false, results, warnings);
        }
        if (hasNegative(clp)) {
            warnings.add("a negative amount outside a reversal (CLP02 22) is not posted automatically");
            return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.NOT_POSTED, List.of(), List.of(),
                    clp.paid(), ZERO, pr, false, results, warnings);
        }
        Entries entries = new Entries(claim.claimId(), effectiveDate, sourceReference);
        // Payments: line detail, then what CLP04 has beyond the lines at claim level.
        BigDecimal linesPaid = ZERO;
        for (int i = 0; i < clp.lines().size(); i++) {
            ServiceLine line = clp.lines().get(i);
            linesPaid = linesPaid.add(line.paid());
            entries.add(EntryType.PAYMENT, line.paid(), Responsibility.INSURANCE, lineIds.get(i), null);
        }
        BigDecimal rest = clp.paid().subtract(linesPaid);
        if (rest.signum() < 0) {
            warnings.add("the lines' SVC03 total more than CLP04: nothing posted automatically");
            return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.NOT_POSTED, List.of(), List.of(),
                    clp.paid(), ZERO, pr, false, results, warnings);
        }
        entries.add(EntryType.PAYMENT, rest, Responsibility.INSURANCE, null, null);
        if (clp.denied()) {
            return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.DENIED, entries.list, List.of(),
                    clp.paid(), ZERO, pr, false, results, warnings);
        }
        boolean keep = lowerPriorityCoverageActive || FORWARDED.contains(clp.statusCode());
        BigDecimal adjusted = ZERO;
        adjusted = adjusted.add(adjust(entries, clp.adjustments(), null, clp.remarkCodes(), keep));
        for (int i = 0; i < clp.lines().size(); i++) {
            ServiceLine line = clp.lines().get(i);
            List<String> remarks = line.remarkCodes().isEmpty() ? clp.remarkCodes() : line.remarkCodes();
            adjusted = adjusted.add(adjust(entries, line.adjustments(), lineIds.get(i), remarks, keep));
        }
        return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.POSTED, entries.list, List.of(),
                clp.paid(), adjusted, pr, keep && pr.signum() != 0, results, warnings);
    }

    /** The PLB adjustments of a remittance, for the practice's provider-level books. */
    public static List<ProviderLevelEntry> providerLevel(Remittance remittance, String sourceReference) {
        return remittance.providerAdjustments().stream()
                .map(p -> new ProviderLevelEntry(p.reasonCode(), p.reference(), p.amount(),
                        p.fiscalPeriod() == null ? remittance.paymentDate() : p.fiscalPeriod(), sourceReference))
                .toList();
    }

    /** Posts non-PR adjustments and PR transfers; answers the adjustment (non-PR) total. */
    private static BigDecimal adjust(Entries entries, List<CasAdjustment> cas, UUID lineId, List<String> remarks,
                                     boolean keepPatientResponsibility) {
        BigDecimal total = ZERO;
        String rarc = remarks.isEmpty() ? null : remarks.get(0);
        for (CasAdjustment adjustment : cas) {
            ReasonCode reason = new ReasonCode(adjustment.group(), adjustment.carc(), rarc);
            if (adjustment.patientResponsibility()) {
                if (!keepPatientResponsibility) {
                    entries.add(EntryType.TRANSFER, adjustment.amount(), Responsibility.PATIENT, lineId, reason);
                }
            } else {
                entries.add(EntryType.ADJUSTMENT, adjustment.amount(), Responsibility.INSURANCE, lineId, reason);
                total = total.add(adjustment.amount());
            }
        }
        return total;
    }

    private static ClaimPosting reversal(RemittanceClaim clp, MatchedClaim claim, List<EarlierEntry> earlier,
                                         List<ClaimPosting.LineResult> results, BigDecimal pr, List<String> warnings,
                                         LocalDate effectiveDate, String sourceReference) {
        if (earlier.isEmpty()) {
            warnings.add("a reversal (CLP02 22) of a claim no remittance posted: nothing posted");
            return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.NOT_POSTED, List.of(), List.of(),
                    clp.paid(), ZERO, pr, false, results, warnings);
        }
        List<UUID> reversals = new ArrayList<>();
        BigDecimal earlierPaid = ZERO;
        BigDecimal earlierAdjusted = ZERO;
        for (EarlierEntry posted : earlier) {
            PlannedEntry e = posted.entry();
            if (e.type() == EntryType.PAYMENT) {
                earlierPaid = earlierPaid.add(e.amount());
            } else if (e.type() == EntryType.ADJUSTMENT) {
                earlierAdjusted = earlierAdjusted.add(e.amount());
            }
            reversals.add(posted.entryId());
        }
        if (earlierPaid.compareTo(clp.paid().negate()) != 0) {
            warnings.add("the reversal's CLP04 " + clp.paid() + " is not minus the " + earlierPaid
                    + " posted earlier; the earlier posting is reversed as it was");
        }
        return new ClaimPosting(claim.accountId(), claim.claimId(), ClaimPosting.Outcome.REVERSED, List.of(), reversals,
                clp.paid(), earlierAdjusted.negate(), pr, false, results, warnings);
    }

    private static Optional<UUID> matchLine(ServiceLine line, RemittanceClaim clp, MatchedClaim claim) {
        String ref = line.lineControlNumber();
        if (!ref.isEmpty()) {
            for (MatchedClaim.Line ours : claim.lines()) {
                if (ref.equals(ours.controlNumber()) || ref.equals(String.valueOf(ours.number()))) {
                    return Optional.of(ours.lineId());
                }
            }
        }
        LocalDate date = line.serviceDate() != null ? line.serviceDate() : clp.serviceDate();
        List<MatchedClaim.Line> candidates = claim.lines().stream()
                .filter(ours -> ours.procedureCode().equals(line.procedureCode()))
                .filter(ours -> date == null || date.equals(ours.serviceDate()))
                .toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0).lineId());
        }
        if (candidates.size() > 1 && line.number() <= claim.lines().size()
                && candidates.contains(claim.lines().get(line.number() - 1))) {
            return Optional.of(claim.lines().get(line.number() - 1).lineId()); // same code twice: by position
        }
        return Optional.empty();
    }

    private static boolean hasNegative(RemittanceClaim clp) {
        if (clp.paid().signum() < 0 || clp.adjustments().stream().anyMatch(a -> a.amount().signum() < 0)) {
            return true;
        }
        return clp.lines().stream().anyMatch(l -> l.paid().signum() < 0
                || l.adjustments().stream().anyMatch(a -> a.amount().signum() < 0));
    }

    private static BigDecimal patientTotal(List<CasAdjustment> cas) {
        return cas.stream().filter(CasAdjustment::patientResponsibility).map(CasAdjustment::amount)
                .reduce(ZERO, BigDecimal::add);
    }

    /** Collects entries, leaving out zero amounts. */
    private static final class Entries {
        final List<PlannedEntry> list = new ArrayList<>();
        final UUID claimId;
        final LocalDate date;
        final String reference;

        Entries(UUID claimId, LocalDate date, String reference) {
            this.claimId = claimId;
            this.date = date;
            this.reference = reference;
        }

        void add(EntryType type, BigDecimal amount, Responsibility responsibility, UUID lineId, ReasonCode reason) {
            if (amount.signum() != 0) {
                list.add(new PlannedEntry(type, amount, responsibility, claimId, lineId, reason, EntrySource.REMITTANCE,
                        reference, date));
            }
        }
    }
}
