package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Jump;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A node reached through a jump host (a second MINA server that allows direct-tcpip forwarding). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshJumpTest {
    private Path dir;
    private Path key;
    private TestSshServer node;
    private TestSshServer bastion;

    @BeforeAll
    void start(@TempDir Path tmp) {
        dir = tmp;
        key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        node = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), false);
        bastion = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), true);
    }

    @AfterAll
    void stop() {
        node.close();
        bastion.close();
    }

    private Host behindBastion() {
        Jump jump = new Jump(Optional.of("jumper"), "127.0.0.1", bastion.port());
        return TestHosts.host("n1", new Connection("127.0.0.1", node.port(), Optional.of("tester"), Optional.empty(),
                false, Optional.empty(), Optional.of(jump), Optional.empty(), Optional.empty()));
    }

    @Test
    void runsCommandsThroughTheJumpHostAndClosesBoth() throws IOException {
        Path knownHosts = Files.write(dir.resolve("known_hosts"), List.of(node.knownHostsLine(), bastion.knownHostsLine()));
        int nodeConnections = node.connections();
        int bastionConnections = bastion.connections();
        SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(knownHosts, Optional.of(key), Map.of()));
        try (Transport t = factory.connect(behindBastion())) {
            assertThat(t.execute(Command.of("echo", "via")).stdout()).isEqualTo("via\n");
            assertThat(t.execute(Command.of("echo", "again")).stdout()).isEqualTo("again\n");
        }
        assertThat(node.connections() - nodeConnections).isEqualTo(1);
        assertThat(bastion.connections() - bastionConnections).isEqualTo(1);
        assertThat(bastion.channels()).isZero(); // only a direct-tcpip channel, no command ran there
    }

    @Test
    void oneHandshakeAtATimeStillReachesANodeBehindAJumpHost() throws IOException {
        Path knownHosts = Files.write(dir.resolve("known_hosts_one"), List.of(node.knownHostsLine(), bastion.knownHostsLine()));
        SshTransportFactory factory = new SshTransportFactory(
                TestHosts.withConnectTimeout(TestHosts.settings(knownHosts, Optional.of(key), Map.of()), Duration.ofSeconds(5))
                        .withHandshakes(1, 0));
        // the jump host's handshake gives its place back before the node's takes it: no deadlock, no timeout
        try (Transport t = factory.connect(behindBastion())) {
            assertThat(t.execute(Command.of("echo", "via")).stdout()).isEqualTo("via\n");
        }
    }

    @Test
    void aJumpHostThatDroppedTheFirstConnectionIsTriedAgain() {
        try (FlakyListener flaky = new FlakyListener(FlakyListener.Spoil.CLOSE, 1, bastion.port())) {
            Jump jump = new Jump(Optional.of("jumper"), "127.0.0.1", flaky.port());
            Host host = TestHosts.host("n1", new Connection("127.0.0.1", node.port(), Optional.of("tester"), Optional.empty(),
                    false, Optional.empty(), Optional.of(jump), Optional.empty(), Optional.empty()));
            SshSettings settings = TestHosts.acceptingNew(TestHosts.settings(dir.resolve("known_hosts_flaky"),
                    Optional.of(key), Map.of())).withHandshakes(2, 1);
            SshTransportFactory factory = new SshTransportFactory(settings, h -> SshTarget.of(h, settings, "tester"),
                    "tester", java.time.Clock.systemUTC(), pause -> { }, () -> 0);
            try (Transport t = factory.connect(host)) {
                assertThat(t.execute(Command.of("echo", "via")).stdout()).isEqualTo("via\n");
            }
            assertThat(flaky.accepted()).isEqualTo(2);
        }
    }

    @Test
    void jumpHostKeyIsVerifiedToo() throws IOException {
        Path knownHosts = Files.write(dir.resolve("only_node"), List.of(node.knownHostsLine()));
        SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(knownHosts, Optional.of(key), Map.of()));
        try (Transport t = factory.connect(behindBastion())) {
            throw new AssertionError("connected to " + t.host());
        } catch (TransportException e) {
            assertThat(e.failure()).isEqualTo(FailureClass.HOST_KEY_UNKNOWN);
            assertThat(e.host()).isEqualTo("n1");
            assertThat(e.getMessage()).startsWith("via jump host jumper@127.0.0.1:" + bastion.port() + ": host key of 127.0.0.1:"
                    + bastion.port() + " is unknown").contains(bastion.fingerprint());
        }
    }

    @Test
    void targetKeyBehindTheJumpHostIsVerified() throws IOException {
        Path knownHosts = Files.write(dir.resolve("only_bastion"), List.of(bastion.knownHostsLine()));
        SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(knownHosts, Optional.of(key), Map.of()));
        try (Transport t = factory.connect(behindBastion())) {
            throw new AssertionError("connected to " + t.host());
        } catch (TransportException e) {
            assertThat(e.failure()).isEqualTo(FailureClass.HOST_KEY_UNKNOWN);
            assertThat(e.getMessage()).startsWith("host key of 127.0.0.1:" + node.port() + " is unknown")
                    .contains(node.fingerprint());
        }
    }

    @Test
    void theJumpHostGetsItsOwnIdentityFilesAndTheNodeItsKeys() throws IOException {
        Path jumpKey = Keygen.generate(dir, "id_jump", "ed25519", "");
        Path nodeKey = Keygen.generate(dir, "id_node", "ed25519", "");
        try (TestSshServer onlyNodeKey = TestSshServer.start(List.of(Keygen.pub(nodeKey)), Map.of(), false);
             TestSshServer onlyJumpKey = TestSshServer.start(List.of(Keygen.pub(jumpKey)), Map.of(), true)) {
            Path kh = Files.write(dir.resolve("own_keys"), List.of(onlyNodeKey.knownHostsLine(), onlyJumpKey.knownHostsLine()));
            Jump jump = new Jump(Optional.of("jumper"), "127.0.0.1", onlyJumpKey.port(), List.of(jumpKey), Optional.empty(), false);
            Host host = TestHosts.host("n1", new Connection("127.0.0.1", onlyNodeKey.port(), Optional.of("tester"),
                    Optional.empty(), false, Optional.empty(), Optional.of(jump), Optional.empty(), Optional.empty()));
            SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(kh, Optional.of(nodeKey), Map.of()));
            try (Transport t = factory.connect(host)) {
                assertThat(t.execute(Command.of("echo", "own")).stdout()).isEqualTo("own\n");
            }
            Jump shared = new Jump(Optional.of("jumper"), "127.0.0.1", onlyJumpKey.port());
            Host viaShared = TestHosts.host("n1", new Connection("127.0.0.1", onlyNodeKey.port(), Optional.of("tester"),
                    Optional.empty(), false, Optional.empty(), Optional.of(shared), Optional.empty(), Optional.empty()));
            try (Transport t = factory.connect(viaShared)) {
                throw new AssertionError("the jump host took the node's key: " + t.host());
            } catch (TransportException e) {
                assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                assertThat(e.getMessage()).startsWith("via jump host jumper@127.0.0.1:" + onlyJumpKey.port());
            }
        }
    }
}
