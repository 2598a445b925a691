package dev.revcycle.claims.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.domain.ClaimDraft;
import dev.revcycle.claims.domain.ClaimType;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.store.ImportRepository;
import dev.revcycle.claims.store.ProviderRepository;
import dev.revcycle.claims.x12.Claim837Reader;
import dev.revcycle.claims.x12.ImportedClaim;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.domain.DomainException;
import dev.revcycle.common.domain.Reason;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.domain.Unprocessable;
import dev.revcycle.common.security.Caller;
import dev.revcycle.x12.X12Exception;
import dev.revcycle.x12.X12Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports an 837P/837I from a practice-management system or an EHR: one DRAFT claim per CLM, through
 * the same path as {@code POST /claims} (so each publishes ClaimCreated), each in its own transaction
 * so that one claim's refusal leaves the others. The patient is matched by the practice's MRN
 * (REF*EA), else by name and date of birth; the coverage by the member id among the patient's active
 * coverages (none in the file = self-pay); providers by NPI among the practice's. A malformed file is
 * refused whole before anything is created. The same file for the same practice again answers the
 * first import's result and creates nothing.
 */
@ApplicationScoped
public class ImportingClaims {
    public static final RecordType IMPORT = new RecordType("claim-import", "Claim import");
    public static final Reason MALFORMED = new Reason("malformed-837", "The file is not a readable 837");

    /** The answer for one CLM. {@code claimControlNumber} is CLM01 as sent; {@code reason} is PHI-free. */
    public record ClaimResult(int ordinal, String claimControlNumber, String status, UUID claimId, String reason) {
    }

    public record Imported(UUID id, String practiceId, int created, int refused, boolean duplicate, List<ClaimResult> claims) {
    }

    private static final TypeReference<List<ClaimResult>> RESULTS = new TypeReference<>() {
    };

    @Inject
    ImportRepository imports;

    @Inject
    ProviderRepository providers;

    @Inject
    DraftingClaims drafting;

    @Inject
    RecordAccess access;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final Claim837Reader reader = new Claim837Reader();

    public Imported importFile(Caller caller, String practiceId, String x12) {
        caller.requirePractice(practiceId, "Practice");
        List<ImportedClaim> claims;
        try {
            claims = reader.read(x12 == null ? "" : x12);
        } catch (X12Exception e) {
            throw malformed(e);
        }
        String digest = ApplyingAcknowledgements.digest(x12); // the one file digest of claims' X12 inputs
        ImportRepository.Stored earlier = QuarkusTransaction.requiringNew().call(() -> imports.byDigest(practiceId, digest));
        if (earlier != null) {
            return imported(earlier, true);
        }
        List<ClaimResult> results = new ArrayList<>(claims.size());
        for (ImportedClaim claim : claims) {
            results.add(importOne(caller, practiceId, claim));
        }
        int created = (int) results.stream().filter(r -> "CREATED".equals(r.status())).count();
        UUID id = UUID.randomUUID();
        String body = write(results);
        boolean recorded = QuarkusTransaction.requiringNew().call(() ->
                imports.insert(id, practiceId, digest, caller.subject(), created, results.size() - created, body, clock.instant()));
        if (!recorded) {
            // the same file was imported concurrently: its first record stands (these claims were created too)
            return imported(QuarkusTransaction.requiringNew().call(() -> imports.byDigest(practiceId, digest)), true);
        }
        return new Imported(id, practiceId, created, results.size() - created, false, results);
    }

    public Imported get(Caller caller, UUID id) {
        ImportRepository.Stored stored = QuarkusTransaction.requiringNew().call(() -> imports.find(id));
        return imported(access.require(caller, AuditAction.READ, IMPORT, id, stored,
                ImportRepository.Stored::practiceId), false);
    }

    private ClaimResult importOne(Caller caller, String practiceId, ImportedClaim claim) {
        try {
            ClaimDraft draft = QuarkusTransaction.requiringNew().call(() -> draft(practiceId, claim));
            UUID claimId = drafting.create(caller, practiceId, draft).claim().id();
            return new ClaimResult(claim.ordinal(), claim.claimControlNumber(), "CREATED", claimId, null);
        } catch (Refused e) {
            return new ClaimResult(claim.ordinal(), claim.claimControlNumber(), "REFUSED", null, e.getMessage());
        } catch (DomainException e) {
            return new ClaimResult(claim.ordinal(), claim.claimControlNumber(), "REFUSED", null, e.getMessage());
        }
    }

    /** The claim as revcycle would key it, or {@link Refused} naming what does not match (never a value). */
    private ClaimDraft draft(String practiceId, ImportedClaim claim) {
        UUID patientId = patient(practiceId, claim);
        UUID coverageId = null;
        if (claim.memberId() != null && !claim.memberId().isBlank()) {
            coverageId = imports.coverageByMemberId(patientId, claim.memberId());
            if (coverageId == null) {
                throw new Refused("no active coverage of the patient has the member id of the claim's subscriber (loop 2010BA)");
            }
        }
        Provider billing = provider(practiceId, claim.billingNpi());
        if (billing == null) {
            throw new Refused("the billing provider's NPI (loop 2010AA) is not one of the practice's providers");
        }
        Provider rendering = provider(practiceId, claim.renderingNpi());
        Provider referring = provider(practiceId, claim.referringNpi());
        List<ClaimDraft.LineDraft> lines = claim.lines().stream().map(l -> new ClaimDraft.LineDraft(l.procedureCode(),
                l.modifiers(), l.units(), l.chargeAmount(), l.serviceDate(), l.diagnosisPointers(), l.revenueCode(), l.ndc()))
                .toList();
        return new ClaimDraft(patientId, coverageId, claim.institutional() ? ClaimType.INSTITUTIONAL : ClaimType.PROFESSIONAL,
                billing.id(), rendering == null ? null : rendering.id(), referring == null ? null : referring.id(),
                claim.placeOfService(), claim.typeOfBill(), claim.admissionDate(), claim.dischargeDate(),
                claim.priorAuthorization(), claim.diagnoses(), lines);
    }

    private UUID patient(String practiceId, ImportedClaim claim) {
        if (claim.medicalRecordNumber() != null && !claim.medicalRecordNumber().isBlank()) {
            List<UUID> byMrn = imports.patientsByMrn(practiceId, claim.medicalRecordNumber());
            if (byMrn.size() == 1) {
                return byMrn.get(0);
            }
        }
        if (claim.patientLastName() == null || claim.patientFirstName() == null || claim.patientDateOfBirth() == null) {
            throw new Refused("patient not found: no MRN of the practice, and the file lacks the patient's name or date of birth");
        }
        List<UUID> byName = imports.patientsByNameAndBirthDate(practiceId, claim.patientLastName(), claim.patientFirstName(),
                claim.patientDateOfBirth());
        if (byName.isEmpty()) {
            throw new Refused("patient not found: no patient of the practice has this MRN, or this name and date of birth");
        }
        if (byName.size() > 1) {
            throw new Refused("patient ambiguous: several patients of the practice have this name and date of birth; add the MRN (REF*EA)");
        }
        return byName.get(0);
    }

    private Provider provider(String practiceId, String npi) {
        return npi == null || npi.isBlank() ? null : providers.byPracticeAndNpi(practiceId, npi);
    }

    private Imported imported(ImportRepository.Stored stored, boolean duplicate) {
        try {
            return new Imported(stored.id(), stored.practiceId(), stored.created(), stored.refused(), duplicate,
                    json.readValue(stored.results(), RESULTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import's results cannot be read", e);
        }
    }

    private String write(List<ClaimResult> results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Unprocessable malformed(X12Exception e) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (X12Problem p : e.problems()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("segmentPosition", p.segmentPosition());
            one.put("segmentId", p.segmentId());
            one.put("elementPosition", p.elementPosition());
            one.put("message", p.message());
            problems.add(one);
        }
        return new Unprocessable(MALFORMED, "The file was not imported: " + e.problem().message()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, see problems)" : ""),
                Map.of("problems", problems));
    }

    /** A claim of the file that cannot be matched; the others go on. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
