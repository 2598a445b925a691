package dev.revcycle.claims.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revcycle.claims.app.ManagingProviders;
import dev.revcycle.claims.domain.Provider;
import dev.revcycle.common.api.MergePatch;
import dev.revcycle.common.api.Params;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.paging.Page;
import dev.revcycle.common.paging.PageParams;
import dev.revcycle.common.problem.Problem;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.common.security.PracticeCode;
import dev.revcycle.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "A practice's billing, rendering and referring providers")
public class ProviderResource {
    static final String WRITE = "Roles: biller, admin.";
    static final String READ = "Roles: biller, admin, registrar, poster, collector, auditor.";

    @Inject
    ManagingProviders providers;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Register a provider",
            description = "The NPI must pass its check digit (Luhn with the 80840 prefix), the taxonomy code has 10 "
                    + "characters, the tax id 9 digits. One provider per practice and NPI: a second answers 409 "
                    + "duplicate-provider with existingProviderId. defaultBilling makes it the practice's one default "
                    + "billing provider (the previous default loses the mark). Publishes ProviderRegistered. " + WRITE)
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ProviderResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The practice is not one of the token's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The practice already has a provider with this NPI (existingProviderId)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(ProviderRequest request) {
        Violations.required("body", request);
        String practiceId = PracticeCode.required("practiceId", request.practiceId());
        Provider p = providers.register(caller.get(), practiceId, request.toTerms());
        return Response.created(uri.getBaseUriBuilder().path("providers").path(p.id().toString()).build())
                .entity(ProviderResponse.of(p)).tag(new EntityTag(Long.toString(p.version()))).build();
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "List providers", description = "The token's practices' providers by name; npi finds one. " + READ)
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ProviderPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProviderPage list(@Parameter(description = "One of the token's practices") @QueryParam("practiceId") String practiceId,
                             @Parameter(description = "Exactly this NPI") @QueryParam("npi") String npi,
                             @BeanParam PageParams paging) {
        Page<ProviderResponse> found = providers.list(caller.get(), practiceId,
                npi == null || npi.isBlank() ? null : npi.strip(), paging.request()).map(ProviderResponse::of);
        return new ProviderPage(found.items(), found.page(), found.size(), found.total(), found.totalExact());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN, Roles.REGISTRAR, Roles.POSTER, Roles.COLLECTOR, Roles.AUDITOR})
    @Operation(summary = "Read a provider", description = "The ETag is the version. " + READ)
    @APIResponse(responseCode = "200", description = "The provider", content = @Content(schema = @Schema(implementation = ProviderResponse.class)))
    @APIResponse(responseCode = "404", description = "No such provider in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withVersion(providers.get(caller.get(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Change a provider",
            description = "A JSON merge patch (RFC 7396); practiceId cannot change. defaultBilling true makes it the "
                    + "practice's default (the previous one gets its own ProviderChanged). If-Match with the version read "
                    + "refuses a lost update (412). Publishes ProviderChanged. " + WRITE)
    @APIResponse(responseCode = "200", description = "The provider after the change", content = @Content(schema = @Schema(implementation = ProviderResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or cannot change", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such provider in the token's practices", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another provider of the practice has the new NPI", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") UUID id, JsonNode patch,
                           @Parameter(description = "The version you read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch) {
        ObjectNode changes = MergePatch.requireObject(patch);
        if (patch.has("practiceId")) {
            throw Violations.of("practiceId", "cannot be changed");
        }
        Provider changed = providers.change(caller.get(), id, Params.ifMatchVersion(ifMatch),
                current -> MergePatch.apply(json, ProviderRequest.of(new Provider(null, null, current.npi(),
                        current.name(), current.entityType(), current.taxonomyCode(), current.taxId(), current.address(),
                        current.defaultBilling(), 0)), changes, ProviderRequest.class).toTerms());
        return withVersion(changed);
    }

    private static Response withVersion(Provider p) {
        return Response.ok(ProviderResponse.of(p)).tag(new EntityTag(Long.toString(p.version()))).build();
    }
}
