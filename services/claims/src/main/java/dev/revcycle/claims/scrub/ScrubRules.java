package dev.revcycle.claims.scrub;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.ClaimLine;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.EligibilityFacts;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.domain.ProviderEntityType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every rule of the scrubber, in one table: id, severity, description, check. The order is the order
 * of the findings. Rules about the coverage skip self-pay claims (no coverage). {@code GET /scrub-rules}
 * lists {@link #ALL}.
 */
public final class ScrubRules {
    /** Bill types (facility + classification) that are inpatient stays: they need an admission date. */
    static final Set<String> INPATIENT_BILL_TYPES = Set.of("11", "12", "18", "21", "41", "65", "66", "86");

    public static final List<ScrubRule> ALL = List.of(
            new Rule("DIAGNOSIS-REQUIRED", Severity.ERROR,
                    "A claim has at least one diagnosis (the first is the principal diagnosis).",
                    ScrubRules::diagnosisRequired),
            new Rule("ICD9-CODE", Severity.ERROR,
                    "Diagnoses are ICD-10-CM codes: ICD-9 codes (e.g. 250.00, V70.0, E880.9) are not accepted since October 2015.",
                    ScrubRules::icd9),
            new Rule("ICD10-FORMAT", Severity.ERROR,
                    "A diagnosis is an ICD-10-CM code: a letter, a digit, a letter or digit, then up to 4 letters or digits after the dot (E11.9, S72.001A).",
                    ScrubRules::icd10),
            new Rule("PROCEDURE-FORMAT", Severity.ERROR,
                    "A line's procedure code is a CPT code (5 digits, or 4 digits + F or T) or a HCPCS Level II code (a letter A–V + 4 digits).",
                    ScrubRules::procedureFormat),
            new Rule("MODIFIER-FORMAT", Severity.ERROR,
                    "A procedure modifier is 2 letters or digits (25, LT, 59).",
                    ScrubRules::modifierFormat),
            new Rule("UNITS-POSITIVE", Severity.ERROR,
                    "A line's units (days or units of service) are more than zero.",
                    ScrubRules::unitsPositive),
            new Rule("DIAGNOSIS-POINTER", Severity.ERROR,
                    "Every line points to 1 to 4 of the claim's diagnoses, by their position (1 = the first).",
                    ScrubRules::diagnosisPointers),
            new Rule("CHARGE-AMOUNT", Severity.ERROR,
                    "A line's charge is more than zero, in dollars and cents (at most two decimals).",
                    ScrubRules::chargeAmount),
            new Rule("SERVICE-DATE-FUTURE", Severity.ERROR,
                    "Every line has a date of service, and it is not in the future.",
                    ScrubRules::serviceDateNotFuture),
            new Rule("PATIENT-DOB", Severity.ERROR,
                    "The patient's date of birth is known and not after any date of service.",
                    ScrubRules::patientDateOfBirth),
            new Rule("COVERAGE-KNOWN", Severity.ERROR,
                    "The claim's coverage is known to claims (from eligibility's events).",
                    ScrubRules::coverageKnown),
            new Rule("SERVICE-DATE-COVERAGE", Severity.ERROR,
                    "Every date of service is within the coverage's effective and termination dates.",
                    ScrubRules::serviceDateInCoverage),
            new Rule("ELIGIBILITY-INACTIVE", Severity.ERROR,
                    "The latest eligibility check of the coverage did not answer inactive.",
                    ScrubRules::eligibilityInactive),
            new Rule("ELIGIBILITY-NOT-VERIFIED", Severity.WARNING,
                    "The coverage's eligibility has been verified (warning when never verified, or when the last check failed).",
                    ScrubRules::eligibilityNotVerified),
            new Rule("TIMELY-FILING", Severity.ERROR,
                    "The claim is sent within the payer's timely filing limit (days from the date of service).",
                    ScrubRules::timelyFiling),
            new Rule("DUPLICATE-CLAIM", Severity.ERROR,
                    "No claim for the same patient, date of service and procedure codes has been submitted already (secondary and replacement claims are exempt).",
                    ScrubRules::duplicate),
            new Rule("PLACE-OF-SERVICE", Severity.ERROR,
                    "A professional claim has a place of service from the CMS list (2 digits, e.g. 11 office).",
                    ScrubRules::placeOfService),
            new Rule("TYPE-OF-BILL", Severity.ERROR,
                    "An institutional claim has a type of bill: 3 digits, or 4 with a leading 0 (0131).",
                    ScrubRules::typeOfBill),
            new Rule("REVENUE-CODE", Severity.ERROR,
                    "Every line of an institutional claim has a 4-digit revenue code (0450).",
                    ScrubRules::revenueCode),
            new Rule("ADMISSION-DATE", Severity.ERROR,
                    "An inpatient institutional claim (type of bill 11x, 12x, 18x, 21x, 41x, 65x, 66x, 86x) has an admission date.",
                    ScrubRules::admissionDate),
            new Rule("BILLING-PROVIDER-TAX-ID", Severity.ERROR,
                    "The billing provider is known and is an organization or has a 9-digit tax id (EIN or SSN).",
                    ScrubRules::billingProviderTaxId),
            new Rule("BILLING-PROVIDER-ZIP", Severity.ERROR,
                    "The billing provider's address has a 9-digit ZIP code (ZIP+4), required in loop 2010AA.",
                    ScrubRules::billingProviderZip),
            new Rule("PROVIDER-NPI", Severity.ERROR,
                    "The billing, rendering and referring providers' NPIs are 10 digits with a valid check digit.",
                    ScrubRules::providerNpi),
            new Rule("SUBSCRIBER-DATA", Severity.ERROR,
                    "The 837 has the subscriber's member id, name and (when the subscriber is not the patient) date of birth, and the payer's id.",
                    ScrubRules::subscriberData));

    private ScrubRules() {
    }

    /** The rule with this id, or null. */
    public static ScrubRule byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static void diagnosisRequired(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        if (b.claim().diagnoses().isEmpty()) {
            sink.report("diagnoses", "The claim has no diagnosis: add at least the principal diagnosis.");
        }
    }

    private static void icd9(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        List<String> dx = b.claim().diagnoses();
        for (int i = 0; i < dx.size(); i++) {
            if (CodeFormats.icd9(norm(dx.get(i)))) {
                sink.report("diagnoses[" + i + "]", "Diagnosis " + (i + 1) + " is an ICD-9 code: use the ICD-10-CM code instead.");
            }
        }
    }

    private static void icd10(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        List<String> dx = b.claim().diagnoses();
        for (int i = 0; i < dx.size(); i++) {
            String code = norm(dx.get(i));
            if (!CodeFormats.icd9(code) && !CodeFormats.icd10(code)) {
                sink.report("diagnoses[" + i + "]", "Diagnosis " + (i + 1)
                        + " is not a valid ICD-10-CM code (a letter, a digit, a letter or digit, then up to 4 more after the dot, e.g. E11.9).");
            }
        }
    }

    private static void procedureFormat(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        forLines(b, (i, line) -> {
            if (!CodeFormats.procedure(line.procedureCode())) {
                sink.report(linePath(i, "procedureCode"), lineName(i)
                        + ": the procedure code is not a CPT code (5 digits, or 4 digits + F or T) nor a HCPCS code (a letter + 4 digits).");
            }
        });
    }

    private static void modifierFormat(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        forLines(b, (i, line) -> {
            for (int m = 0; m < line.modifiers().size(); m++) {
                if (!CodeFormats.modifier(line.modifiers().get(m))) {
                    sink.report(linePath(i, "modifiers[" + m + "]"), lineName(i) + ": modifier " + (m + 1)
                            + " is not 2 letters or digits.");
                }
            }
        });
    }

    private static void unitsPositive(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        forLines(b, (i, line) -> {
            if (line.units() == null || line.units().signum() <= 0) {
                sink.report(linePath(i, "units"), lineName(i) + ": the units must be more than zero.");
            }
        });
    }

    private static void diagnosisPointers(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        int count = b.claim().diagnoses().size();
        if (count == 0) {
            return; // DIAGNOSIS-REQUIRED says what to fix first
        }
        forLines(b, (i, line) -> {
            List<Integer> pointers = line.diagnosisPointers();
            if (pointers.isEmpty() || pointers.size() > 4) {
                sink.report(linePath(i, "diagnosisPointers"), lineName(i) + ": point to 1 to 4 of the claim's diagnoses.");
            }
            for (int p = 0; p < pointers.size(); p++) {
                Integer pointer = pointers.get(p);
                if (pointer == null || pointer < 1 || pointer > count) {
                    sink.report(linePath(i, "diagnosisPointers[" + p + "]"), lineName(i) + ": diagnosis pointer " + (p + 1)
                            + " does not point to one of the claim's " + count + " diagnoses.");
                }
            }
        });
    }

    private static void chargeAmount(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        forLines(b, (i, line) -> {
            if (!CodeFormats.chargeAmount(line.chargeAmount())) {
                sink.report(linePath(i, "chargeAmount"), lineName(i) + ": the charge must be more than zero, in dollars and cents.");
            }
        });
    }

    private static void serviceDateNotFuture(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        forLines(b, (i, line) -> {
            if (line.serviceDate() == null) {
                sink.report(linePath(i, "serviceDate"), lineName(i) + ": the date of service is missing.");
            } else if (line.serviceDate().isAfter(c.today())) {
                sink.report(linePath(i, "serviceDate"), lineName(i) + ": the date of service is in the future; bill it after the service.");
            }
        });
    }

    private static void patientDateOfBirth(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        if (b.patient() == null) {
            sink.report("patientId", "The patient is not known to claims yet; try again in a moment.");
            return;
        }
        LocalDate dob = b.patient().dateOfBirth();
        if (dob == null) {
            sink.report("patient.dateOfBirth", "The patient's date of birth is missing; add it in the patient's record.");
            return;
        }
        forLines(b, (i, line) -> {
            if (line.serviceDate() != null && dob.isAfter(line.serviceDate())) {
                sink.report(linePath(i, "serviceDate"), lineName(i)
                        + ": the date of service is before the patient's date of birth.");
            }
        });
    }

    private static void coverageKnown(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        if (!b.claim().selfPay() && b.coverage() == null) {
            sink.report("coverageId", "The claim's coverage is not known to claims; check the patient's coverages.");
        }
    }

    private static void serviceDateInCoverage(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        CoverageFacts coverage = coverage(b);
        if (coverage == null || coverage.effectiveDate() == null) {
            return;
        }
        forLines(b, (i, line) -> {
            if (line.serviceDate() != null && !coverage.activeOn(line.serviceDate())) {
                sink.report(linePath(i, "serviceDate"), lineName(i)
                        + ": the date of service is outside the coverage's effective and termination dates.");
            }
        });
    }

    private static void eligibilityInactive(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        EligibilityFacts e = coverage(b) == null ? null : b.eligibility();
        if (e != null && "INACTIVE".equals(e.status())) {
            sink.report("coverageId", "The payer answered that the coverage is inactive on the last eligibility check; "
                    + "verify eligibility again or bill another coverage.");
        }
    }

    private static void eligibilityNotVerified(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        if (coverage(b) == null) {
            return;
        }
        EligibilityFacts e = b.eligibility();
        if (e == null) {
            sink.report("coverageId", "The coverage's eligibility has never been verified.");
        } else if (!"ACTIVE".equals(e.status()) && !"INACTIVE".equals(e.status())) {
            sink.report("coverageId", "The last eligibility check of the coverage failed; verify eligibility again.");
        }
    }

    private static void timelyFiling(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        CoverageFacts coverage = coverage(b);
        if (coverage == null || coverage.timelyFilingDays() == null) {
            return;
        }
        int days = coverage.timelyFilingDays();
        forLines(b, (i, line) -> {
            if (line.serviceDate() != null && c.today().isAfter(line.serviceDate().plusDays(days))) {
                sink.report(linePath(i, "serviceDate"), lineName(i) + ": the payer's timely filing limit of " + days
                        + " days from the date of service has passed.");
            }
        });
    }

    private static void duplicate(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        Claim claim = b.claim();
        if (claim.madeFromAnother()) {
            return;
        }
        Map<LocalDate, Set<String>> codesByDate = new TreeMap<>();
        for (ClaimLine line : claim.lines()) {
            if (line.serviceDate() != null && line.procedureCode() != null) {
                codesByDate.computeIfAbsent(line.serviceDate(), d -> new TreeSet<>()).add(line.procedureCode());
            }
        }
        for (Map.Entry<LocalDate, Set<String>> day : codesByDate.entrySet()) {
            if (c.submittedClaims().existsSubmittedDuplicate(claim.practiceId(), claim.patientId(), day.getKey(), day.getValue(),
                    claim.id())) {
                sink.report("lines", "A claim for the same patient, date of service and procedure codes has already been submitted; "
                        + "send a replacement claim (frequency 7) to correct it instead.");
                return;
            }
        }
    }

    private static void placeOfService(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        String pos = b.claim().placeOfService();
        boolean professional = b.claim().type() == ClaimType.PROFESSIONAL;
        if ((professional || pos != null) && !PlacesOfService.valid(pos)) {
            sink.report("placeOfService", pos == null ? "The place of service is missing (2 digits, e.g. 11 office)."
                    : "The place of service is not a code of the CMS list (2 digits, e.g. 11 office).");
        }
    }

    private static void typeOfBill(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        if (b.claim().type() == ClaimType.INSTITUTIONAL && !CodeFormats.typeOfBill(b.claim().typeOfBill())) {
            sink.report("typeOfBill", b.claim().typeOfBill() == null ? "An institutional claim needs a type of bill (e.g. 0131)."
                    : "The type of bill is not 3 digits, or 4 with a leading 0 (e.g. 0131).");
        }
    }

    private static void revenueCode(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        if (b.claim().type() != ClaimType.INSTITUTIONAL) {
            return;
        }
        forLines(b, (i, line) -> {
            if (!CodeFormats.revenueCode(line.revenueCode())) {
                sink.report(linePath(i, "revenueCode"), lineName(i) + (line.revenueCode() == null
                        ? ": an institutional line needs a revenue code (4 digits, e.g. 0450)."
                        : ": the revenue code is not 4 digits (e.g. 0450)."));
            }
        });
    }

    private static void admissionDate(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        Claim claim = b.claim();
        if (claim.type() == ClaimType.INSTITUTIONAL && CodeFormats.typeOfBill(claim.typeOfBill())
                && INPATIENT_BILL_TYPES.contains(CodeFormats.billType(claim.typeOfBill())) && claim.admissionDate() == null) {
            sink.report("admissionDate", "An inpatient claim needs the admission date.");
        }
    }

    private static void billingProviderTaxId(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        Provider p = b.billingProvider();
        if (p == null) {
            sink.report("billingProviderId", "The billing provider is not known; choose one of the practice's providers.");
        } else if (p.entityType() != ProviderEntityType.ORGANIZATION && !CodeFormats.nineDigits(p.taxId())) {
            sink.report("billingProvider.taxId", "The billing provider is a person without a tax id: add the 9-digit EIN or SSN, "
                    + "or bill under the practice's organization.");
        }
    }

    private static void billingProviderZip(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        Provider p = b.billingProvider();
        if (p != null && (p.address() == null || !CodeFormats.nineDigits(digits(p.address().postalCode())))) {
            sink.report("billingProvider.address.postalCode", "The billing provider's address needs a 9-digit ZIP code (ZIP+4).");
        }
    }

    private static void providerNpi(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        npi(b.billingProvider(), "billingProvider", "billing", sink);
        npi(b.renderingProvider(), "renderingProvider", "rendering", sink);
        npi(b.referringProvider(), "referringProvider", "referring", sink);
    }

    private static void npi(Provider p, String path, String role, ScrubRule.Sink sink) {
        if (p != null && !CodeFormats.npi(p.npi())) {
            sink.report(path + ".npi", "The " + role + " provider's NPI is not 10 digits with a valid check digit.");
        }
    }

    private static void subscriberData(BillableClaim b, ScrubContext c, ScrubRule.Sink sink) {
        CoverageFacts cov = coverage(b);
        if (cov == null) {
            return;
        }
        if (blank(cov.memberId())) {
            sink.report("coverage.memberId", "The coverage has no member id.");
        }
        if (blank(cov.x12PayerId())) {
            sink.report("coverage.payerId", "The payer has no electronic payer id (NM109 of loop 2010BB).");
        }
        if (cov.subscriberIsPatient()) {
            if (b.patient() != null && (blank(b.patient().lastName()) || blank(b.patient().firstName()))) {
                sink.report("patient.name", "The patient, who is the subscriber, needs a first and last name.");
            }
        } else {
            if (blank(cov.subscriberLastName()) || blank(cov.subscriberFirstName())) {
                sink.report("coverage.subscriberName", "The subscriber's first and last name are missing.");
            }
            if (cov.subscriberDateOfBirth() == null) {
                sink.report("coverage.subscriberDateOfBirth", "The subscriber is not the patient: add the subscriber's date of birth.");
            }
        }
    }

    /** The coverage the coverage rules check: none for self-pay (they skip) or when unknown (COVERAGE-KNOWN says so). */
    private static CoverageFacts coverage(BillableClaim b) {
        return b.claim().selfPay() ? null : b.coverage();
    }

    private interface LineCheck {
        void apply(int index, ClaimLine line);
    }

    private static void forLines(BillableClaim b, LineCheck check) {
        List<ClaimLine> lines = b.claim().lines();
        for (int i = 0; i < lines.size(); i++) {
            check.apply(i, lines.get(i));
        }
    }

    private static String linePath(int index, String field) {
        return "lines[" + index + "]." + field;
    }

    private static String lineName(int index) {
        return "Line " + (index + 1);
    }

    private static String norm(String code) {
        return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static String digits(String value) {
        return value == null ? null : value.replace("-", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
