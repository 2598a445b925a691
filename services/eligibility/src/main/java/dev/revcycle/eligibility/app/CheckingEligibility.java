package dev.revcycle.eligibility.app;

import dev.revcycle.common.security.Caller;
import dev.revcycle.eligibility.app.CheckRecords.Prepared;
import dev.revcycle.eligibility.domain.Benefits;
import dev.revcycle.eligibility.domain.CheckOutcome;
import dev.revcycle.eligibility.domain.CheckStatus;
import dev.revcycle.eligibility.domain.Rejection;
import dev.revcycle.eligibility.domain.ServiceTypes;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.Violations;
import java.util.ArrayList;
import dev.revcycle.eligibility.x12.Eligibility271Exception;
import dev.revcycle.eligibility.x12.EligibilityResponse271Reader;
import dev.revcycle.eligibility.x12.EligibilityResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Is this coverage active on this date, and what will the patient pay? Sends a 270 through the
 * clearinghouse and records what the 271 says; a failure of the clearinghouse or an unreadable
 * 271 is recorded too (status ERROR with the reason), never thrown at the user.
 */
@ApplicationScoped
public class CheckingEligibility {
    public static final String REJECTED = "payer rejected the inquiry";
    public static final String UNREADABLE = "271 could not be read";
    public static final String NOT_OURS = "271 does not answer this inquiry (trace number differs)";
    private static final Logger LOG = Logger.getLogger(CheckingEligibility.class);

    @Inject
    CheckRecords records;

    @Inject
    Clearinghouse clearinghouse;

    private final EligibilityResponse271Reader reader = new EligibilityResponse271Reader();

    /** A check's result, and whether it is an earlier answer given again. */
    public record Checked(CheckView check, boolean reused) {
    }

    /**
     * @param refresh ask the payer even if a recent answer for the same coverage and date exists
     */
    public Checked check(Caller caller, UUID coverageId, LocalDate serviceDate, List<String> serviceTypeCodes,
                         boolean refresh) {
        List<FieldError> errors = new ArrayList<>();
        if (coverageId == null) {
            errors.add(new FieldError("coverageId", "is required"));
        }
        if (serviceDate == null) {
            errors.add(new FieldError("serviceDate", "is required"));
        }
        List<String> codes = ServiceTypes.normalized(serviceTypeCodes);
        errors.addAll(ServiceTypes.violations("serviceTypeCodes", codes));
        Violations.check(errors);
        Prepared prepared = records.prepare(caller, coverageId, serviceDate, codes, refresh);
        if (prepared.reused() != null) {
            return new Checked(prepared.reused(), true);
        }
        Clearinghouse.Exchange exchange = clearinghouse.send270(prepared.x270());
        return new Checked(records.record(caller, prepared, outcome(prepared, exchange)), false);
    }

    private CheckOutcome outcome(Prepared prepared, Clearinghouse.Exchange exchange) {
        if (exchange.failure() != null) {
            LOG.warnf("eligibility check %s: %s", prepared.checkId(), exchange.failure());
            return CheckOutcome.failed(exchange.failure(), null);
        }
        String x271 = exchange.body();
        EligibilityResult result;
        try {
            result = reader.read(x271, prepared.traceNumber());
        } catch (Eligibility271Exception e) {
            // the reader's messages name segments and positions, never a value
            LOG.warnf("eligibility check %s: %s: %s", prepared.checkId(), UNREADABLE, e.getMessage());
            return CheckOutcome.failed(UNREADABLE, x271);
        }
        if (!result.traceNumber().isEmpty() && !result.traceNumber().equals(prepared.traceNumber())) {
            LOG.warnf("eligibility check %s: %s", prepared.checkId(), NOT_OURS);
            return CheckOutcome.failed(NOT_OURS, x271);
        }
        EligibilityResult.Benefits b = result.benefits();
        Benefits benefits = new Benefits(b.copay(), b.coinsurancePercent(), b.deductible(), b.deductibleRemaining(),
                b.outOfPocket(), b.outOfPocketRemaining());
        List<Rejection> rejections = result.rejections().stream()
                .map(r -> new Rejection(r.code(), r.description())).toList();
        CheckStatus status = CheckStatus.valueOf(result.status().name());
        return new CheckOutcome(status, result.planBegin(), result.planEnd(), benefits, rejections,
                status == CheckStatus.ERROR ? REJECTED : null, x271);
    }
}
