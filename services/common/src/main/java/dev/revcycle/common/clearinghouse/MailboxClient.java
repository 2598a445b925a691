package dev.revcycle.common.clearinghouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The clearinghouse mailbox over HTTP. Never throws for a failed exchange: a {@link Listing} or
 * {@link Download} carries the failure as a sentence without PHI (bodies are never logged or quoted).
 *
 * <ul>
 *   <li>{@code GET {base}/mailbox?submitter=<ISA06>[&after=<cursor>]} → {@code {"files":[{"id","cursor","type",
 *       "createdAt"}], "next": cursor}}, files in mailbox order;</li>
 *   <li>{@code GET {base}/mailbox/{fileId}} → the raw X12 ({@code text/plain}).</li>
 * </ul>
 */
public final class MailboxClient {

    /** Files after the cursor and the cursor to list from next time; {@code failure} non-null when it failed. */
    public record Listing(List<MailboxFile> files, String next, String failure) {
        public Listing {
            files = files == null ? List.of() : List.copyOf(files);
        }

        static Listing failed(String reason) {
            return new Listing(List.of(), null, reason);
        }
    }

    /** A file's text, or why it could not be fetched. */
    public record Download(String body, String failure) {
        @Override
        public String toString() {
            return failure == null ? "Download[ok]" : "Download[" + failure + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    public MailboxClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Listing list(String submitter, String after) {
        StringBuilder uri = new StringBuilder(baseUrl).append("/mailbox?submitter=").append(encode(submitter));
        if (after != null && !after.isEmpty()) {
            uri.append("&after=").append(encode(after));
        }
        Exchange exchange = get(URI.create(uri.toString()), "application/json");
        if (exchange.failure() != null) {
            return Listing.failed(exchange.failure());
        }
        try {
            JsonNode root = JSON.readTree(exchange.body());
            List<MailboxFile> files = new ArrayList<>();
            for (JsonNode file : root.path("files")) {
                String id = text(file, "id");
                String cursor = text(file, "cursor");
                if (id == null || cursor == null) {
                    return Listing.failed("mailbox listing has a file without id or cursor");
                }
                String created = text(file, "createdAt");
                files.add(new MailboxFile(id, cursor, text(file, "type"), created == null ? null : Instant.parse(created)));
            }
            String next = text(root, "next");
            if (next == null && !files.isEmpty()) {
                next = files.get(files.size() - 1).cursor();
            }
            return new Listing(files, next, null);
        } catch (IOException | DateTimeParseException e) {
            return Listing.failed("mailbox listing is not the expected JSON");
        }
    }

    public Download download(String fileId) {
        Exchange exchange = get(URI.create(baseUrl + "/mailbox/" + encode(fileId)), "text/plain");
        return new Download(exchange.body(), exchange.failure());
    }

    private record Exchange(String body, String failure) {
    }

    private Exchange get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", accept).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new Exchange(null, "clearinghouse mailbox could not be reached (connection timed out)");
        } catch (HttpTimeoutException e) {
            return new Exchange(null, "clearinghouse mailbox timed out");
        } catch (IOException e) {
            return new Exchange(null, "clearinghouse mailbox could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(null, "clearinghouse mailbox call was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Exchange(response.body(), null);
        }
        return new Exchange(null, "clearinghouse mailbox answered " + status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
