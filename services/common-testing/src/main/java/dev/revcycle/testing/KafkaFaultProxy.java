package dev.revcycle.testing;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A TCP proxy in front of the broker's fault-injection listener, to make Kafka unreachable for
 * the application under test (and reachable again) without stopping the broker other tests use.
 * The local broker advertises that listener at this proxy's port, so every connection of a client
 * bootstrapped through it passes here. Active only where {@code revcycle.test.kafka-proxy.port} is
 * set (the service's test profile points its outbox at it).
 */
@ApplicationScoped
@IfBuildProfile("test")
public class KafkaFaultProxy {
    @ConfigProperty(name = "revcycle.test.kafka-proxy.port", defaultValue = "0")
    int port;

    @ConfigProperty(name = "revcycle.test.kafka-proxy.target-port", defaultValue = "9094")
    int targetPort;

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private ServerSocket server;

    void start(@Observes StartupEvent event) throws IOException {
        if (port == 0) {
            return;
        }
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::accept, "kafka-fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Drops every connection and refuses new ones: the broker is unreachable. */
    public void cut() {
        cut = true;
        sockets.forEach(KafkaFaultProxy::closeQuietly);
        sockets.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // a refused upstream or a closed server: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "kafka-fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        cut();
        if (server != null) {
            closeQuietly(server);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
