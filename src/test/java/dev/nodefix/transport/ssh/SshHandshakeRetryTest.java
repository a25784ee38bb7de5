package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.transport.Command;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --connect-retries: which handshake failures are tried again, how often, with which pauses, and what is reported. */
class SshHandshakeRetryTest {
    @TempDir
    Path dir;
    private Path key;
    private TestSshServer server;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        server = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), false);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Transport connect(int port, Path withKey, int retries, Duration connectTimeout) {
        SshSettings settings = TestHosts.withConnectTimeout(TestHosts.acceptingNew(
                TestHosts.settings(dir.resolve("known_hosts"), Optional.of(withKey), Map.of())), connectTimeout)
                .withHandshakes(4, retries);
        return new SshTransportFactory(settings, host -> SshTarget.of(host, settings, "tester"), "tester",
                Clock.systemUTC(), pauses::add, () -> 0.5).connect(TestHosts.local("n1", port));
    }

    @Test
    void connectionsClosedBeforeTheBannerAreTriedAgain() {
        try (FlakyListener listener = new FlakyListener(FlakyListener.Spoil.CLOSE, 2, server.port());
             Transport t = connect(listener.port(), key, 2, Duration.ofSeconds(15))) {
            assertThat(t.execute(Command.of("echo", "in")).stdout()).isEqualTo("in\n");
            assertThat(listener.accepted()).isEqualTo(3);
            assertThat(pauses).containsExactly(Duration.ofMillis(625), Duration.ofMillis(1250));
        }
    }

    @Test
    void aListenerThatAlwaysClosesIsDisconnectedAfterOnePlusRetriesAttempts() {
        try (FlakyListener listener = new FlakyListener(FlakyListener.Spoil.CLOSE, 0, 0)) {
            assertThatThrownBy(() -> connect(listener.port(), key, 1, Duration.ofSeconds(15)))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureClass.DISCONNECTED);
                        assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + listener.port() + ": connection closed by the"
                                + " remote side during the handshake (Server closed connection during identification"
                                + " exchange; 2 attempts)");
                    });
            assertThat(listener.accepted()).isEqualTo(2);
        }
    }

    @Test
    void aStalledHandshakeIsTriedAgainThenSucceeds() {
        try (FlakyListener listener = new FlakyListener(FlakyListener.Spoil.STALL, 1, server.port());
             Transport t = connect(listener.port(), key, 2, Duration.ofMillis(1500))) {
            assertThat(t.execute(Command.of("echo", "in")).stdout()).isEqualTo("in\n");
            assertThat(listener.accepted()).isEqualTo(2);
            assertThat(pauses).hasSize(1);
        }
    }

    @Test
    void aListenerThatAlwaysStallsTimesOutAfterOnePlusRetriesAttempts() {
        try (FlakyListener listener = new FlakyListener(FlakyListener.Spoil.STALL, 0, 0)) {
            assertThatThrownBy(() -> connect(listener.port(), key, 2, Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureClass.TIMEOUT);
                        assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + listener.port()
                                + ": connect timeout (no SSH handshake within 500ms; 3 attempts)");
                    });
            assertThat(listener.accepted()).isEqualTo(3);
            assertThat(pauses).hasSize(2);
        }
    }

    @Test
    void noRetriesMeansOneAttemptAndTheUsualMessage() {
        try (FlakyListener listener = new FlakyListener(FlakyListener.Spoil.STALL, 0, 0)) {
            assertThatThrownBy(() -> connect(listener.port(), key, 0, Duration.ofMillis(500)))
                    .hasMessage("127.0.0.1:" + listener.port() + ": connect timeout (no SSH handshake within 500ms)");
            assertThat(listener.accepted()).isEqualTo(1);
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void anAuthenticationFailureIsNeverTriedAgain() throws IOException {
        Path stranger = Keygen.generate(dir, "id_stranger", "ed25519", "");
        assertThatThrownBy(() -> connect(server.port(), stranger, 2, Duration.ofSeconds(15)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).doesNotContain("attempts");
                });
        assertThat(server.connections()).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aRefusedConnectionIsNeverTriedAgain() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> connect(closed, key, 2, Duration.ofSeconds(5)))
                .hasMessage("127.0.0.1:" + closed + ": connection refused");
        assertThat(pauses).isEmpty();
    }
}
