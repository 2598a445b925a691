package dev.revcycle.claims.clearinghouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revcycle.claims.app.Clearinghouse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clearinghouse over HTTP: {@code POST {revcycle.clearinghouse.url}/x12/837} with the 837 as
 * {@code application/edi-x12}; a 2xx (the sandbox answers 202 {"fileIds":[…]}) means the file was taken.
 * Every failure becomes a reason a billing representative can read; bodies are never logged (PHI).
 */
@ApplicationScoped
public class HttpClearinghouse implements Clearinghouse {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "revcycle.clearinghouse.url", defaultValue = "http://127.0.0.1:8089")
    String baseUrl;

    @ConfigProperty(name = "revcycle.clearinghouse.connect-timeout", defaultValue = "2s")
    Duration connectTimeout;

    @ConfigProperty(name = "revcycle.clearinghouse.read-timeout", defaultValue = "10s")
    Duration readTimeout;

    private HttpClient http;
    private URI endpoint;
    private URI statusEndpoint;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/x12/837");
        statusEndpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/x12/276");
    }

    @Override
    public Submission send837(String x837) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(readTimeout)
                .header("Content-Type", "application/edi-x12; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(x837, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return Submission.failed("clearinghouse could not be reached (connection timed out)");
        } catch (HttpTimeoutException e) {
            return Submission.failed("clearinghouse timed out");
        } catch (IOException e) {
            return Submission.failed("clearinghouse could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Submission.failed("clearinghouse call was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Submission.accepted(fileIds(response.body()));
        }
        if (status >= 500) {
            return Submission.failed("clearinghouse answered " + status);
        }
        return Submission.failed("clearinghouse refused the file (" + status + ")");
    }

    /**
     * {@code POST {url}/x12/276}, {@code application/edi-x12}; a 200 with a body is the 277 (read by the caller),
     * 5xx, timeouts and connection errors are an outage, any other answer a refusal.
     */
    @Override
    public StatusExchange inquire(String x276) {
        HttpRequest request = HttpRequest.newBuilder(statusEndpoint).timeout(readTimeout)
                .header("Content-Type", "application/edi-x12; charset=UTF-8")
                .header("Accept", "text/plain, application/edi-x12")
                .POST(HttpRequest.BodyPublishers.ofString(x276, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return StatusExchange.unavailable("clearinghouse could not be reached (connection timed out)");
        } catch (HttpTimeoutException e) {
            return StatusExchange.unavailable("clearinghouse timed out");
        } catch (IOException e) {
            return StatusExchange.unavailable("clearinghouse could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StatusExchange.unavailable("clearinghouse call was interrupted");
        }
        int status = response.statusCode();
        if (status >= 500) {
            return StatusExchange.unavailable("clearinghouse answered " + status);
        }
        if (status != 200 || response.body() == null || response.body().isBlank()) {
            return StatusExchange.refused("clearinghouse refused the inquiry (" + status + ")");
        }
        return StatusExchange.answered(response.body());
    }

    /** {"fileIds":[…]} when the clearinghouse says; anything else is still a taken file. */
    static List<String> fileIds(String body) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            for (JsonNode id : root.path("fileIds")) {
                ids.add(id.asText());
            }
        } catch (IOException e) {
            // not JSON: the file was taken all the same
        }
        return ids;
    }
}
