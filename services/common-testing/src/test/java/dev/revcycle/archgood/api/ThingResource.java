package dev.revcycle.archgood.api;

import dev.revcycle.archgood.app.RenamingThings;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.problem.Problem;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Resources may name the Problem schema for OpenAPI and use JAX-RS; they call use cases. */
@Path("/things")
public class ThingResource {
    static final String PROBLEM = Problem.MEDIA_TYPE;
    private final RenamingThings renaming = new RenamingThings();

    @PATCH
    public Response rename(String id, String name) {
        Violations.required("name", name);
        renaming.rename(id, name);
        return Response.ok().build();
    }
}
