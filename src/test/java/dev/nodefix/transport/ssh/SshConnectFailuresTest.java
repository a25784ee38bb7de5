package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network-level failures, classified without a server to talk to. */
class SshConnectFailuresTest {
    @TempDir
    Path dir;

    private TransportException failure(Host host, Duration connectTimeout) throws IOException {
        Path key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        SshSettings settings = TestHosts.withConnectTimeout(
                TestHosts.settings(dir.resolve("known_hosts"), Optional.of(key), Map.of()), connectTimeout);
        try (Transport t = new SshTransportFactory(settings).connect(host)) {
            throw new AssertionError("connected to " + t.host());
        } catch (TransportException e) {
            return e;
        }
    }

    @Test
    void closedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TransportException e = failure(TestHosts.local("n1", port), Duration.ofSeconds(5));
        assertThat(e.failure()).isEqualTo(FailureClass.REFUSED);
        assertThat(e.host()).isEqualTo("n1");
        assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void unresolvableNameIsDns() throws IOException {
        Host host = TestHosts.host("n1", Connection.to("nodefix.invalid").withUser("tester"));
        TransportException e = failure(host, Duration.ofSeconds(5));
        assertThat(e.failure()).isEqualTo(FailureClass.DNS);
        assertThat(e.getMessage()).startsWith("nodefix.invalid:22: name not resolved");
    }

    @Test
    void silentServerTimesOutWithinTheConnectTimeoutOnEachOfThreeTries() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TransportException e = failure(TestHosts.local("n1", silent.getLocalPort()), Duration.ofMillis(800));
            assertThat(e.failure()).isEqualTo(FailureClass.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + silent.getLocalPort()
                    + ": connect timeout (no SSH handshake within 800ms; 3 attempts)"); // two retries by default
        }
    }

    @Test
    void missingExplicitKeyAndNoPasswordFailsBeforeConnecting() {
        SshSettings settings = TestHosts.settings(dir.resolve("known_hosts"), Optional.of(dir.resolve("nope")), Map.of());
        try (Transport t = new SshTransportFactory(settings).connect(TestHosts.local("n1", 1))) {
            throw new AssertionError("connected to " + t.host());
        } catch (TransportException e) {
            assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
            assertThat(e.getMessage()).isEqualTo("127.0.0.1:1: no way to authenticate as tester: publickey ("
                    + dir.resolve("nope") + " (not found)), no password (NODEFIX_SSH_PASSWORD unset)");
        }
    }
}
