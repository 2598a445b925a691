package dev.revcycle.claims.app;

import dev.revcycle.claims.domain.BillableClaim;
import dev.revcycle.claims.domain.Claim;
import dev.revcycle.claims.domain.CoverageFacts;
import dev.revcycle.claims.domain.EligibilityFacts;
import dev.revcycle.claims.domain.PatientFacts;
import dev.revcycle.claims.domain.PriorPayer;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.claims.store.CoordinationRepository;
import dev.revcycle.claims.store.ClaimRepository;
import dev.revcycle.claims.store.ProviderRepository;
import dev.revcycle.claims.store.ReadModelRepository;
import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads claims with everything the scrubber, the 837 writer and the paper forms read (patient,
 * coverage, latest eligibility, providers) — the one input of all three. {@link #loadAll} reads a
 * batch in a fixed number of statements whatever its size.
 */
@ApplicationScoped
public class BillableClaims {
    @Inject
    ClaimRepository claims;

    @Inject
    ProviderRepository providers;

    @Inject
    ReadModelRepository readModel;

    @Inject
    RecordAccess access;

    @Inject
    CoordinationRepository coordination;

    /** A tertiary claim follows a secondary, which follows the primary: at most this many earlier payers. */
    static final int MAX_PRIOR_PAYERS = 2;

    /**
     * The claim if the caller may see it (another practice's claim is a 404, audited as DENIED).
     *
     * @throws NotFound no such claim in the caller's practices
     */
    @Transactional
    public BillableClaim load(Caller caller, UUID claimId) {
        ClaimRepository.Stored stored = access.require(caller, AuditAction.READ, FindingClaims.CLAIM, claimId,
                claims.find(claimId, false), s -> s.claim().practiceId());
        return assemble(List.of(stored.claim())).get(0);
    }

    /** The claim, not practice-scoped (the mailbox poller, batch jobs). @throws NotFound when none */
    @Transactional
    public BillableClaim load(UUID claimId) {
        ClaimRepository.Stored stored = claims.find(claimId, false);
        if (stored == null) {
            throw new NotFound("Claim");
        }
        return assemble(List.of(stored.claim())).get(0);
    }

    /** The claims of {@code ids} that exist, in the order of the ids (missing ones left out). Not practice-scoped. */
    @Transactional
    public List<BillableClaim> loadAll(Collection<UUID> ids) {
        List<Claim> found = claims.findAll(ids, false).stream().map(ClaimRepository.Stored::claim).toList();
        return assemble(found);
    }

    private List<BillableClaim> assemble(List<Claim> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, PatientFacts> patients = readModel.patients(distinct(found, Claim::patientId));
        Set<UUID> coverageIds = distinct(found, Claim::coverageId);
        Map<UUID, CoverageFacts> coverages = readModel.coverages(coverageIds);
        Map<UUID, EligibilityFacts> eligibility = readModel.eligibilities(coverageIds);
        Set<UUID> providerIds = new HashSet<>();
        for (Claim c : found) {
            providerIds.add(c.billingProviderId());
            if (c.renderingProviderId() != null) {
                providerIds.add(c.renderingProviderId());
            }
            if (c.referringProviderId() != null) {
                providerIds.add(c.referringProviderId());
            }
        }
        Map<UUID, Provider> byId = providers.findAll(providerIds).stream()
                .collect(Collectors.toMap(Provider::id, p -> p));
        Map<UUID, List<PriorPayer>> priorPayers = priorPayers(found);
        Map<UUID, CoordinationRepository.Links> replaced = coordination.links(distinct(found, Claim::replacesClaimId));
        List<BillableClaim> out = new ArrayList<>(found.size());
        for (Claim c : found) {
            CoordinationRepository.Links original = c.replacesClaimId() == null ? null : replaced.get(c.replacesClaimId());
            out.add(new BillableClaim(c, patients.get(c.patientId()),
                    c.coverageId() == null ? null : coverages.get(c.coverageId()),
                    c.coverageId() == null ? null : eligibility.get(c.coverageId()),
                    byId.get(c.billingProviderId()),
                    c.renderingProviderId() == null ? null : byId.get(c.renderingProviderId()),
                    c.referringProviderId() == null ? null : byId.get(c.referringProviderId()),
                    priorPayers.getOrDefault(c.id(), List.of()),
                    original == null ? null : original.payerClaimControlNumber()));
        }
        return out;
    }

    /**
     * Per secondary or tertiary claim, the earlier payers' adjudications, the first payer first: its primary_claim_id's
     * latest adjudication and coverage, then that claim's own primary's … A fixed number of statements per level.
     * A claim whose earlier claim has no adjudication yet gets none for it (its 837 then has no 2320 for that payer).
     */
    private Map<UUID, List<PriorPayer>> priorPayers(List<Claim> found) {
        Map<UUID, List<PriorPayer>> out = new HashMap<>();
        Map<UUID, UUID> nextEarlier = new HashMap<>(); // claim of the batch → the earlier claim to read now
        for (Claim c : found) {
            if (c.primaryClaimId() != null) {
                nextEarlier.put(c.id(), c.primaryClaimId());
            }
        }
        for (int level = 0; level < MAX_PRIOR_PAYERS && !nextEarlier.isEmpty(); level++) {
            Set<UUID> earlier = new HashSet<>(nextEarlier.values());
            Map<UUID, CoordinationRepository.Links> links = coordination.links(earlier);
            Map<UUID, CoordinationRepository.Adjudication> answers = coordination.latestAdjudications(earlier);
            Map<UUID, CoverageFacts> earlierCoverages = readModel.coverages(links.values().stream()
                    .map(CoordinationRepository.Links::coverageId).filter(Objects::nonNull).collect(Collectors.toSet()));
            Map<UUID, UUID> following = new HashMap<>();
            for (Map.Entry<UUID, UUID> e : nextEarlier.entrySet()) {
                CoordinationRepository.Links link = links.get(e.getValue());
                CoordinationRepository.Adjudication answer = answers.get(e.getValue());
                CoverageFacts coverage = link == null || link.coverageId() == null ? null : earlierCoverages.get(link.coverageId());
                if (answer != null && coverage != null) {
                    out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(0, new PriorPayer(coverage,
                            answer.payerClaimControlNumber(), answer.paidDate(), answer.paid(),
                            answer.patientResponsibility(), answer.claimAdjustments(), answer.lines()));
                }
                if (link != null && link.primaryClaimId() != null) {
                    following.put(e.getKey(), link.primaryClaimId());
                }
            }
            nextEarlier = following;
        }
        return out;
    }

    private static Set<UUID> distinct(List<Claim> claims, Function<Claim, UUID> id) {
        return claims.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
