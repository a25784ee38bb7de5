package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --handshakes: how many handshakes one factory has in flight at once, and the connect timeout starting at its turn. */
class SshHandshakeLimitTest {
    @TempDir
    Path dir;
    private Path key;

    @BeforeEach
    void key() throws IOException {
        key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
    }

    private SshTransportFactory factory(int handshakes, Duration connectTimeout) {
        SshSettings settings = TestHosts.withConnectTimeout(TestHosts.acceptingNew(
                TestHosts.settings(dir.resolve("known_hosts"), Optional.of(key), Map.of())), connectTimeout)
                .withHandshakes(handshakes, 0);
        return new SshTransportFactory(settings, host -> SshTarget.of(host, settings, "tester"), "tester",
                Clock.systemUTC(), pause -> { }, () -> 0);
    }

    /** Connects to {@code hosts} hosts on {@code port} all at once (one thread each), closing each at once. */
    private static List<String> connectAll(SshTransportFactory factory, int port, int hosts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(hosts);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                String name = "n" + i;
                opened.add(threads.submit(() -> {
                    try (Transport t = factory.connect(TestHosts.local(name, port))) {
                        return t.host();
                    }
                }));
            }
            List<String> names = new ArrayList<>();
            for (Future<String> f : opened) {
                names.add(f.get());
            }
            return names;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void atMostTheLimitHandshakeAtOnce() throws Exception {
        try (SlowSshServer server = new SlowSshServer(Keygen.pub(key), Duration.ofMillis(300))) {
            assertThat(connectAll(factory(2, Duration.ofSeconds(15)), server.port(), 8)).hasSize(8);

            assertThat(server.authenticated()).isEqualTo(8);
            assertThat(server.maxInFlight()).isBetween(1, 2);
        }
    }

    @Test
    void aLargerLimitLetsMoreIn() throws Exception {
        try (SlowSshServer server = new SlowSshServer(Keygen.pub(key), Duration.ofMillis(300))) {
            assertThat(connectAll(factory(8, Duration.ofSeconds(15)), server.port(), 8)).hasSize(8);

            assertThat(server.maxInFlight()).isGreaterThan(2);
        }
    }

    @Test
    void timeQueuedDoesNotCountAgainstTheConnectTimeout() throws Exception {
        try (SlowSshServer server = new SlowSshServer(Keygen.pub(key), Duration.ofMillis(400))) {
            connectAll(factory(1, Duration.ofSeconds(15)), server.port(), 1); // warm up: the first sshj connect is slow
            long started = System.nanoTime();

            // one at a time, 0.4 s each: the last waits ~1.6 s for its turn, more than the 1.5 s timeout
            assertThat(connectAll(factory(1, Duration.ofMillis(1500)), server.port(), 5)).hasSize(5);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(2000));
            assertThat(server.maxInFlight()).isEqualTo(1);
        }
    }
}
