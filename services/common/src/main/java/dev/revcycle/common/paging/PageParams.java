package dev.revcycle.common.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of every list endpoint:
 * {@code list(..., @BeanParam PageParams paging)}, then {@code paging.request()}. Read as text, so that
 * {@code ?page=abc} is a 400 naming the parameter (JAX-RS answers a bare 404 when it cannot convert).
 */
public class PageParams {
    @QueryParam("page")
    @Parameter(description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 200 (default 20); more than 200 is a 400, not a shorter page",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "20"))
    String size;

    public PageParams() {
    }

    public PageParams(String page, String size) {
        this.page = page;
        this.size = size;
    }

    /** @throws dev.revcycle.common.problem.ProblemException 400 naming each bad parameter */
    public PageRequest request() {
        return PageRequest.fromQuery(page, size);
    }
}
