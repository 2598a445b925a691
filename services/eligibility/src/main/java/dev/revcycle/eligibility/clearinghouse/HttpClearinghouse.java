package dev.revcycle.eligibility.clearinghouse;

import dev.revcycle.eligibility.app.Clearinghouse;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clearinghouse over HTTP: {@code POST {revcycle.clearinghouse.url}/x12/270} with the 270 as
 * {@code text/plain}, the 271 in the body of a 2xx. Every failure becomes a reason a representative
 * can read; bodies are never logged (they carry PHI).
 */
@ApplicationScoped
public class HttpClearinghouse implements Clearinghouse {
    @ConfigProperty(name = "revcycle.clearinghouse.url", defaultValue = "http://127.0.0.1:8089")
    String baseUrl;

    @ConfigProperty(name = "revcycle.clearinghouse.connect-timeout", defaultValue = "2s")
    Duration connectTimeout;

    @ConfigProperty(name = "revcycle.clearinghouse.read-timeout", defaultValue = "5s")
    Duration readTimeout;

    private HttpClient http;
    private URI endpoint;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/x12/270");
    }

    @Override
    public Exchange send270(String x270) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(x270, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return Exchange.failed("clearinghouse could not be reached (connection timed out)");
        } catch (HttpTimeoutException e) {
            return Exchange.failed("clearinghouse timed out");
        } catch (IOException e) {
            return Exchange.failed("clearinghouse could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed("clearinghouse call was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Exchange.answered(response.body());
        }
        if (status >= 500) {
            return Exchange.failed("clearinghouse answered " + status);
        }
        return Exchange.failed("clearinghouse refused the inquiry (" + status + ")");
    }
}
