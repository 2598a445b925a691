package dev.revcycle.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real payer sandbox (services/payer-sandbox, packaged by the reactor before this module)
 * in its own JVM on a free port, and points the clearinghouse at it: the tests exercise the
 * sandbox's documented rules over HTTP, not a stub. Member ids ending in 97 wait longer than the
 * test profile's read timeout. Used by every service that talks to a clearinghouse (eligibility,
 * claims, payments); the service's test module depends on payer-sandbox (type pom, see
 * services/eligibility/pom.xml) so that the reactor packages the sandbox first.
 */
public class PayerSandboxResource implements QuarkusTestResourceLifecycleManager {
    /** Where the reactor leaves the sandbox; override with -Drevcycle.test.sandbox-jar=... */
    static final String DEFAULT_JAR = "../payer-sandbox/target/quarkus-app/quarkus-run.jar";
    /** Longer than %test.revcycle.clearinghouse.read-timeout (2s), so that 97 times out. */
    static final String SLOW_DELAY = "5s";

    private Process sandbox;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("revcycle.test.sandbox-jar", DEFAULT_JAR)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the payer sandbox is not built at " + jar
                    + "; build it first: ./mvnw -B -pl services/payer-sandbox -am package -DskipTests");
        }
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "payer-sandbox.log").toFile();
        try {
            sandbox = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dsandbox.slow-delay=" + SLOW_DELAY,
                    // the clearinghouse mailbox of this run only: a test starts from an empty mailbox
                    "-Dsandbox.data-dir=" + Path.of("target", "payer-sandbox-data-" + port).toAbsolutePath(),
                    "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the payer sandbox", e);
        }
        awaitReady(port, log);
        return Map.of("revcycle.clearinghouse.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (sandbox == null) {
            return;
        }
        sandbox.destroy();
        try {
            if (!sandbox.waitFor(10, TimeUnit.SECONDS)) {
                sandbox.destroyForcibly();
            }
        } catch (InterruptedException e) {
            sandbox.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(int port, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!sandbox.isAlive()) {
                throw new IllegalStateException("the payer sandbox exited at start-up; see " + log.getAbsolutePath());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
        throw new IllegalStateException("the payer sandbox did not become ready; see " + log.getAbsolutePath());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
