package dev.revcycle.eligibility.app;

import dev.revcycle.common.audit.AuditAction;
import dev.revcycle.common.audit.PhiAudit;
import dev.revcycle.common.audit.RecordAccess;
import dev.revcycle.common.audit.RecordType;
import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.domain.CheckOutcome;
import dev.revcycle.eligibility.domain.Coverage;
import dev.revcycle.eligibility.domain.EligibilityCheck;
import dev.revcycle.eligibility.domain.KnownPatient;
import dev.revcycle.eligibility.domain.KnownProvider;
import dev.revcycle.eligibility.domain.Subscriber;
import dev.revcycle.eligibility.domain.SubscriberRelationship;
import dev.revcycle.eligibility.events.EligibilityEvents;
import dev.revcycle.eligibility.store.CoverageRepository;
import dev.revcycle.eligibility.store.EligibilityCheckRepository;
import dev.revcycle.eligibility.store.KnownPatientRepository;
import dev.revcycle.eligibility.store.KnownProviderRepository;
import dev.revcycle.eligibility.x12.EligibilityRequest;
import dev.revcycle.eligibility.x12.EligibilityRequest270Writer;
import dev.revcycle.eligibility.x12.InformationReceiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The two short transactions around a check: before the clearinghouse is called (rules, reuse, the
 * 270) and after it answered (the check, its event, the audit). No transaction stays open while the
 * clearinghouse takes its time.
 */
@ApplicationScoped
public class CheckRecords {
    private static final Logger LOG = Logger.getLogger(CheckRecords.class);
    static final RecordType CHECK = new RecordType("eligibility-check", "Eligibility check");

    @Inject
    CoverageRepository coverages;

    @Inject
    KnownPatientRepository patients;

    @Inject
    KnownProviderRepository providers;

    @Inject
    EligibilityCheckRepository checks;

    @Inject
    FindingCoverages finding;

    @Inject
    EligibilityEvents events;

    @Inject
    PhiAudit audit;

    @Inject
    RecordAccess access;

    @Inject
    EligibilityRequest270Writer writer;

    @Inject
    Clock clock;

    @ConfigProperty(name = "revcycle.eligibility.provider.name")
    String providerName;

    @ConfigProperty(name = "revcycle.eligibility.provider.npi")
    String providerNpi;

    @ConfigProperty(name = "revcycle.eligibility.reuse-window", defaultValue = "24h")
    Duration reuseWindow;

    /** A 270 ready to go, or the stored answer that makes sending one unnecessary. */
    public record Prepared(UUID checkId, UUID coverageId, LocalDate serviceDate, List<String> serviceTypeCodes,
                           long controlNumber, String x270, String traceNumber, CheckView reused) {
        static Prepared reuse(CheckView earlier) {
            return new Prepared(null, earlier.coverageId(), earlier.serviceDate(), earlier.serviceTypeCodes(), 0,
                    null, null, earlier);
        }

        @Override
        public String toString() {
            return "Prepared[" + checkId + "]";
        }
    }

    @Transactional
    public Prepared prepare(Caller caller, UUID coverageId, LocalDate serviceDate, List<String> serviceTypeCodes,
                            boolean refresh) {
        Coverage coverage = finding.visible(caller, coverageId, AuditAction.READ);
        coverage.requireCheckableOn(serviceDate);
        if (!refresh) {
            Optional<EligibilityCheck> earlier = checks.latest(coverageId, serviceDate)
                    .filter(check -> check.answersAgain(coverage, clock.instant(), reuseWindow));
            if (earlier.isPresent()) {
                audit.success(caller, AuditAction.READ, CHECK.auditName(), earlier.get().id(), coverage.practiceId());
                return Prepared.reuse(CheckView.of(earlier.get()));
            }
        }
        KnownPatient patient = patients.findById(coverage.patientId());
        UUID checkId = UUID.randomUUID();
        String trace = checkId.toString().replace("-", "").toUpperCase(Locale.ROOT);
        long controlNumber = checks.nextControlNumber();
        String x270 = writer.write(controlNumber, request(trace, coverage, patient, serviceDate, serviceTypeCodes));
        // the member id, names and date of birth leave for the payer
        audit.success(caller, AuditAction.READ, FindingCoverages.COVERAGE.auditName(), coverageId, coverage.practiceId());
        return new Prepared(checkId, coverageId, serviceDate, serviceTypeCodes, controlNumber, x270, trace, null);
    }

    @Transactional
    public CheckView record(Caller caller, Prepared prepared, CheckOutcome outcome) {
        Coverage coverage = coverages.findById(prepared.coverageId());
        EligibilityCheck check = EligibilityCheck.record(prepared.checkId(), coverage, prepared.serviceDate(),
                prepared.serviceTypeCodes(), prepared.controlNumber(), prepared.x270(), outcome, clock.instant());
        checks.persist(check);
        events.verified(check);
        audit.success(caller, AuditAction.CREATE, CHECK.auditName(), check.id(), check.practiceId());
        checks.flush();
        return CheckView.of(check);
    }

    @Transactional
    public CheckView get(Caller caller, UUID id) {
        EligibilityCheck check = visible(caller, id);
        audit.success(caller, AuditAction.READ, CHECK.auditName(), id, check.practiceId());
        return CheckView.of(check);
    }

    /** The 270 as sent. */
    @Transactional
    public String request(Caller caller, UUID id) {
        EligibilityCheck check = visible(caller, id);
        audit.success(caller, AuditAction.READ, CHECK.auditName(), id, check.practiceId());
        return check.x12Request();
    }

    /** The 271 as received, if one was. */
    @Transactional
    public Optional<String> response(Caller caller, UUID id) {
        EligibilityCheck check = visible(caller, id);
        audit.success(caller, AuditAction.READ, CHECK.auditName(), id, check.practiceId());
        return Optional.ofNullable(check.x12Response());
    }

    private EligibilityCheck visible(Caller caller, UUID id) {
        return access.require(caller, AuditAction.READ, CHECK, id, checks.findById(id), EligibilityCheck::practiceId);
    }

    /**
     * Loop 2100B, the provider asking: the practice's default billing provider as claims last said,
     * or, for a practice without one (none registered, none marked, or its events not arrived yet), the
     * configured provider ({@code revcycle.eligibility.provider.name} / {@code .npi}, an organisation).
     */
    private InformationReceiver receiver(String practiceId) {
        Optional<KnownProvider> provider = providers.defaultBilling(practiceId);
        if (provider.isEmpty()) {
            return InformationReceiver.organization(providerName, providerNpi);
        }
        KnownProvider p = provider.get();
        Optional<InformationReceiver> receiver = InformationReceiver.writable(p.isPerson(), p.lastOrOrganizationName(),
                p.firstName(), p.npi());
        if (receiver.isEmpty()) {
            // only characters X12 cannot carry: better the configured provider than no inquiry
            LOG.warnf("default billing provider %s has no name a 270 can carry; the configured provider asks", p.id());
            return InformationReceiver.organization(providerName, providerNpi);
        }
        return receiver.get();
    }

    /**
     * The inquiry: the subscriber is the patient (SELF) or the insured person on the card. Names
     * longer than X12 allows are cut to fit (NM103 60, NM104 35).
     */
    private EligibilityRequest request(String trace, Coverage coverage, KnownPatient patient, LocalDate serviceDate,
                                       List<String> serviceTypeCodes) {
        boolean self = coverage.subscriberRelationship() == SubscriberRelationship.SELF;
        Subscriber subscriber = coverage.subscriber();
        String last = self ? patient.lastName() : subscriber.lastName();
        String first = self ? patient.firstName() : subscriber.firstName();
        LocalDate born = self ? patient.dateOfBirth() : subscriber.dateOfBirth();
        return new EligibilityRequest(trace, coverage.payer().name(), coverage.payer().x12PayerId(),
                receiver(coverage.practiceId()), cut(last, 60), cut(first, 35), coverage.memberId(), born, serviceDate,
                serviceTypeCodes);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max).trim();
    }
}
