package dev.revcycle.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every service answers to input that is not what its API says, at the HTTP layer: a body without a
 * Content-Type, a body over the limit, paging parameters that are not a page. Each answer is a problem
 * (application/problem+json), except where Vert.x answers before any application code (431; see the
 * common README). Call it from one {@code @QuarkusTest} per service with paths of that service.
 *
 * <p>Requests that RestAssured cannot send (no Content-Type at all, a lying Content-Length, huge headers)
 * go over a plain socket, with a read timeout so that a test can never hang.
 */
public final class StrictInputContract {
    private StrictInputContract() {
    }

    /** A POST with a JSON body and no Content-Type header is a 415 problem, before anything is read or stored. */
    public static void assertBodyWithoutContentTypeIs415(String path, String token, String jsonBody) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        Raw response = send("POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n", body);
        assertProblem(response, 415, "https://revcycle.dev/problems/unsupported-media-type");
    }

    /**
     * A body over {@code quarkus.http.limits.max-body-size} is a 413: announced by Content-Length, a problem
     * refused before the body is sent; sent chunked without a length, refused once the limit is passed, by
     * Quarkus REST itself with an empty body (it ends the response before any mapper runs; see the common
     * README) — the status is all that is promised there.
     */
    public static void assertOversizedBodyIs413(String path, String token) {
        long limit = maxBodySize();
        Raw announced = send("POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + (limit + 1) + "\r\n\r\n", new byte[0]);
        assertProblem(announced, 413, "https://revcycle.dev/problems/payload-too-large");

        // Chunked: a JSON string longer than the limit, sent in 64 KiB chunks.
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        chunk[0] = '"';
        long sent = 0;
        while (sent <= limit) {
            chunked.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.writeBytes(chunk);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            sent += chunk.length;
            chunk[0] = 'a';
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Raw streamed = send("POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunked.toByteArray());
        assertThat(streamed.status).as("status of a chunked body over the limit").isEqualTo(413);
    }

    /**
     * Headers over {@code quarkus.http.limits.max-header-size} are refused with 431 (and a request line
     * too long with 414) by Vert.x itself, before any route or filter runs: the status is all a service
     * can promise (no problem body).
     */
    public static void assertHeadersTooLargeIs431(String path) {
        String big = "x".repeat(64 * 1024);
        Raw response = send("GET " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "X-Padding: " + big + "\r\n"
                + "Connection: close\r\n\r\n", new byte[0]);
        assertThat(response.status).as("status").isEqualTo(431);
        // likewise a request line over quarkus.http.limits.max-initial-line-length
        Raw longLine = send("GET " + path + "?q=" + "x".repeat(8 * 1024) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Connection: close\r\n\r\n", new byte[0]);
        assertThat(longLine.status).as("status of a request line too long").isEqualTo(414);
    }

    /**
     * Paging parameters of a list endpoint ({@code listPath} may carry its own query, e.g.
     * {@code /coverages?patientId=...}): whole numbers only, page from 0, size 1 to 200, and page × size
     * within an int; each wrong one a 400 naming it.
     */
    public static void assertPagingIsStrict(String listPath, String token) {
        String sep = listPath.contains("?") ? "&" : "?";
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("page=abc", "page");
        wrong.put("page=1.5", "page");
        wrong.put("page=-1", "page");
        wrong.put("page=99999999999", "page");
        wrong.put("size=ten", "size");
        wrong.put("size=0", "size");
        wrong.put("size=-5", "size");
        wrong.put("size=201", "size");
        wrong.put("page=2147483647&size=200", "page");
        wrong.put("page=10737419&size=200", "page");
        for (Map.Entry<String, String> query : wrong.entrySet()) {
            given().auth().oauth2(token).get(listPath + sep + query.getKey()).then()
                    .statusCode(400)
                    .contentType(equalTo("application/problem+json"))
                    .body("type", equalTo("https://revcycle.dev/problems/validation"))
                    .body("errors[0].field", equalTo(query.getValue()))
                    .body("errors.size()", equalTo(1));
        }
        given().auth().oauth2(token).get(listPath + sep + "size=201").then()
                .body("errors[0].message", equalTo("must be a whole number from 1 to 200"));
        given().auth().oauth2(token).get(listPath + sep + "page=0&size=200").then()
                .statusCode(200).body("page", equalTo(0)).body("size", equalTo(200));
        // the last page whose offset still fits: an empty page, not an error
        given().auth().oauth2(token).get(listPath + sep + "page=10737418&size=200").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    private static void assertProblem(Raw response, int status, String type) {
        assertThat(response.status).as("status").isEqualTo(status);
        assertThat(response.headers.get("content-type")).as("content type").startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(response.body);
        assertThat(problem.getString("type")).isEqualTo(type);
        assertThat(problem.getInt("status")).isEqualTo(status);
    }

    private static long maxBodySize() {
        String configured = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .orElse("10240K").trim().toUpperCase(Locale.ROOT);
        long unit = switch (configured.charAt(configured.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? configured : configured.substring(0, configured.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    private record Raw(int status, Map<String, String> headers, String body) {
    }

    private static Raw send(String head, byte[] body) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer and close before the whole body is sent: its answer is what counts
            }
            return parse(readUntilClosedOrComplete(socket.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError("no HTTP answer from the service", e);
        }
    }

    private static byte[] readUntilClosedOrComplete(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) != -1) {
                read.write(buffer, 0, n);
                if (complete(read.toByteArray())) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer arrived (the server closes a connection it will not read further)
            if (read.size() == 0) {
                throw reset;
            }
        }
        return read.toByteArray();
    }

    /** True once the head and a Content-Length body, or a chunked body's last chunk, have arrived. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(text.substring(0, end));
        String rest = text.substring(end + 4);
        if (headers.containsKey("content-length")) {
            return rest.length() >= Integer.parseInt(headers.get("content-length").trim());
        }
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            return rest.endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Raw parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP response head").isPositive();
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n")).split(" ")[1]);
        Map<String, String> headers = headers(head);
        String rest = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = rest.indexOf("\r\n", at);
                int size = Integer.parseInt(rest.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(rest, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            rest = body.toString();
        }
        return new Raw(status, headers, new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
