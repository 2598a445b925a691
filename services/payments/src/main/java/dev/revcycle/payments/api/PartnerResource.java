package dev.revcycle.payments.api;

import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.Roles;
import dev.revcycle.payments.api.Requests.PartnerRequest;
import dev.revcycle.payments.app.Partners;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Payment partners and their signing secrets")
public class PartnerResource {
    @Inject
    Partners partners;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a payment partner", description = "Answers the id (a payment-partner token's sub) and, "
            + "when signing, its secret: shown this once, kept encrypted. Role: admin.")
    public Response register(PartnerRequest request) {
        Violations.required("body", request);
        return Response.status(201).entity(partners.register(request.name(), request.practices(), request.signing())).build();
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or rotate a partner's signing secret", description = "The old secret stops working at once. Role: admin.")
    public Partners.Registered rotate(@PathParam("id") UUID id) {
        return partners.rotate(id);
    }
}
