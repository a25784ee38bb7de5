package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Strict host-key checking and accept-new against in-JVM servers with known and unknown keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshHostKeysTest {
    private Path key;
    private TestSshServer server;
    private TestSshServer impostor; // another host key on another port

    @BeforeAll
    void start(@TempDir Path keys) {
        key = Keygen.generate(keys, "id_ed25519", "ed25519", "");
        server = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), false);
        impostor = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), false);
    }

    @AfterAll
    void stop() {
        server.close();
        impostor.close();
    }

    private SshTransportFactory factory(Path knownHosts, boolean acceptNew) {
        SshSettings strict = TestHosts.settings(knownHosts, Optional.of(key), Map.of());
        return new SshTransportFactory(acceptNew ? TestHosts.acceptingNew(strict) : strict);
    }

    private static TransportException refusal(SshTransportFactory factory, Host host) {
        try (Transport t = factory.connect(host)) {
            throw new AssertionError("connected to " + t.host());
        } catch (TransportException e) {
            return e;
        }
    }

    @Test
    void unknownKeyIsRefusedWithItsSha256Fingerprint(@TempDir Path tmp) {
        Path knownHosts = tmp.resolve("known_hosts");
        TransportException e = refusal(factory(knownHosts, false), TestHosts.local("n1", server.port()));
        assertThat(e.failure()).isEqualTo(FailureClass.HOST_KEY_UNKNOWN);
        assertThat(e.getMessage())
                .contains("127.0.0.1:" + server.port(), "ecdsa-sha2-nistp256 " + server.fingerprint())
                .contains("--accept-new-host-keys", "ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts)
                .doesNotContain("MD5", "\n");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void changedKeyIsRefusedLoudly(@TempDir Path tmp) throws IOException {
        String otherKey = impostor.knownHostsLine().substring(impostor.knownHostsLine().indexOf(' '));
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                "# comment\n[127.0.0.1]:" + server.port() + otherKey + "\n");
        TransportException e = refusal(factory(knownHosts, true), TestHosts.local("n1", server.port()));
        assertThat(e.failure()).isEqualTo(FailureClass.HOST_KEY_CHANGED);
        assertThat(e.getMessage())
                .startsWith("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for 127.0.0.1:" + server.port())
                .contains("man-in-the-middle", "offending entry " + knownHosts + ":2")
                .contains("expected ecdsa-sha2-nistp256 " + impostor.fingerprint())
                .contains("got ecdsa-sha2-nistp256 " + server.fingerprint());
        assertThat(Files.readString(knownHosts)).isEqualTo("# comment\n[127.0.0.1]:" + server.port() + otherKey + "\n");
    }

    @Test
    void acceptNewRecordsTheKeyThenStrictCheckingPasses(@TempDir Path tmp) throws IOException {
        Path knownHosts = tmp.resolve("fresh/dir/known_hosts");
        try (Transport t = factory(knownHosts, true).connect(TestHosts.local("n1", server.port()))) {
            assertThat(t.execute(Command.of("echo", "ok")).stdout()).isEqualTo("ok\n");
        }
        assertThat(Files.readAllLines(knownHosts)).containsExactly(server.knownHostsLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.getParent()))).isEqualTo("rwx------");
        try (Transport t = factory(knownHosts, false).connect(TestHosts.local("n1", server.port()))) {
            assertThat(t.execute(Command.of("echo", "strict")).stdout()).isEqualTo("strict\n");
        }
    }

    @Test
    void inventoryAcceptNewAndNoBothRecordButNeverOverwrite(@TempDir Path tmp) throws IOException {
        Path knownHosts = tmp.resolve("known_hosts");
        for (String option : List.of("accept-new", "no")) {
            Connection c = new Connection("127.0.0.1", server.port(), Optional.of("tester"), Optional.empty(), false,
                    Optional.empty(), Optional.empty(), Optional.of(knownHosts), Optional.of(option));
            factory(tmp.resolve("unused"), false).connect(TestHosts.host("n1", c)).close();
        }
        assertThat(Files.readAllLines(knownHosts)).containsExactly(server.knownHostsLine());
        Connection swapped = new Connection("127.0.0.1", impostor.port(), Optional.of("tester"), Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.of(knownHosts), Optional.of("no"));
        String impostorAsServer = "[127.0.0.1]:" + impostor.port() + server.knownHostsLine().substring(server.knownHostsLine().indexOf(' '));
        Files.writeString(knownHosts, impostorAsServer + "\n", java.nio.file.StandardOpenOption.APPEND);
        TransportException e = refusal(factory(tmp.resolve("unused"), false), TestHosts.host("n2", swapped));
        assertThat(e.failure()).isEqualTo(FailureClass.HOST_KEY_CHANGED);
        assertThat(Files.readAllLines(knownHosts)).containsExactly(server.knownHostsLine(), impostorAsServer);
    }

    @Test
    void parallelAcceptNewConnectsRecordAHostOnce(@TempDir Path tmp) throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        SshTransportFactory factory = factory(knownHosts, true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int port = i % 2 == 0 ? server.port() : impostor.port();
                Host host = TestHosts.local("n" + i, port);
                runs.add(pool.submit(() -> {
                    try (Transport t = factory.connect(host)) {
                        return t.execute(Command.of("echo", "hi")).stdout();
                    }
                }));
            }
            for (Future<String> run : runs) {
                assertThat(run.get()).isEqualTo("hi\n");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(knownHosts))
                .containsExactlyInAnyOrder(server.knownHostsLine(), impostor.knownHostsLine());
    }

    @Test
    void aKeyListedOnlyInAGlobalKnownHostsFileIsAccepted(@TempDir Path tmp) throws IOException {
        Path global = Files.writeString(tmp.resolve("ssh_known_hosts"), server.knownHostsLine() + "\n");
        SshSettings settings = TestHosts.settings(tmp.resolve("known_hosts"), Optional.of(key), Map.of())
                .withGlobalKnownHosts(List.of(tmp.resolve("ssh_known_hosts2"), global));
        try (Transport t = new SshTransportFactory(settings).connect(TestHosts.local("n1", server.port()))) {
            assertThat(t.execute(Command.of("echo", "ok")).stdout()).isEqualTo("ok\n");
        }
        assertThat(tmp.resolve("known_hosts")).doesNotExist();
    }
}
