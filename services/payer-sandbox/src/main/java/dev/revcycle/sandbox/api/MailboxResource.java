package dev.revcycle.sandbox.api;

import dev.revcycle.sandbox.mailbox.Mailbox;
import dev.revcycle.sandbox.mailbox.MailboxFile;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clearinghouse mailbox: list answer files after a cursor, download one. */
@Path("/mailbox")
@Tag(name = "mailbox", description = "Answer files (999, 277CA, 835) per submitter, in cursor order")
public class MailboxResource {

    static final int MAX_LIMIT = 1000;

    public record Entry(String id, long cursor, String type, String submitter, Instant createdAt, long size) {
        static Entry of(MailboxFile f) {
            return new Entry(f.id(), f.cursor(), f.type(), f.submitter(), f.createdAt(), f.size());
        }
    }

    public record Listing(List<Entry> files, long next) {
    }

    private final Mailbox mailbox;

    public MailboxResource(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Files after a cursor (0 or absent: from the start), of one submitter or all; "
            + "next is the cursor to ask after next time")
    public Response list(@QueryParam("after") String after, @QueryParam("submitter") String submitter,
            @QueryParam("limit") String limit) {
        long from;
        int size;
        try {
            from = after == null || after.isBlank() ? 0 : Long.parseLong(after.strip());
            size = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            return Problem.badRequest("after must be a whole number (a cursor) and limit 1 to " + MAX_LIMIT)
                    .toResponse().build();
        }
        if (from < 0 || size < 1 || size > MAX_LIMIT) {
            return Problem.badRequest("after must be 0 or more and limit 1 to " + MAX_LIMIT).toResponse().build();
        }
        List<Entry> files = mailbox.list(from, submitter == null || submitter.isBlank() ? null : submitter.strip(),
                size).stream().map(Entry::of).toList();
        long next = files.isEmpty() ? from : files.get(files.size() - 1).cursor();
        return Response.ok(new Listing(files, next), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @Operation(summary = "One file's raw X12")
    public Response download(@PathParam("id") String id) {
        return mailbox.content(id)
                .map(x12 -> Response.ok(x12, MediaType.TEXT_PLAIN).build())
                .orElseGet(() -> Problem.notFound("no mailbox file with this id").toResponse().build());
    }
}
