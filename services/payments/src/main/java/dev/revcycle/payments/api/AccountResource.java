package dev.revcycle.payments.api;

import dev.revcycle.common.api.Params;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.app.AccountView;
import dev.revcycle.payments.app.Ledgers;
import dev.revcycle.payments.domain.PostedEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Patient accounts, their balances and append-only ledger")
public class AccountResource {
    static final String READERS = "Roles: poster, admin, biller, collector, auditor.";

    @Inject
    Ledgers ledgers;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Read an account", description = "Balances: balance = insurance + patient − credit. " + READERS)
    public AccountView get(@PathParam("id") UUID id) {
        return ledgers.get(caller.get(), id);
    }

    @GET
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Find a patient's accounts", description = "patientId is required; practiceId narrows to one. " + READERS)
    public List<AccountView> find(@QueryParam("patientId") String patientId, @QueryParam("practiceId") String practiceId) {
        UUID patient = Params.requiredUuid("patientId", patientId);
        if (practiceId != null && !CurrentCaller.PRACTICE_CODE.matcher(practiceId).matches()) {
            throw Violations.of("practiceId", "must be a practice code");
        }
        return ledgers.find(caller.get(), patient, practiceId);
    }

    @GET
    @Path("/{id}/ledger")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "An account's ledger entries, newest first", description = READERS)
    public Page<PostedEntry> ledger(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return ledgers.ledger(caller.get(), id, paging.request());
    }

    @GET
    @Path("/{id}/verify")
    @RolesAllowed({Roles.POSTER, Roles.ADMIN, Roles.BILLER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Recompute the balances from the entries", description = "consistent = the stored balances equal the sums of the entries. " + READERS)
    public Ledgers.Verification verify(@PathParam("id") UUID id) {
        return ledgers.verify(caller.get(), id);
    }

}
