package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.SshExtras;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys held by a real OpenSSH ssh-agent, offered to an in-JVM server: listing as {@code ssh-add -L} lists,
 * signing (ed25519, RSA with rsa-sha2 flags), OpenSSH's key order (compared with the real {@code ssh -v}),
 * IdentitiesOnly, and agents that are missing or misbehave.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshAgentTest {
    private Path dir;
    private Path ed;
    private Path rsa;
    private Path stranger;
    private Path knownHosts;
    private TestSshServer server;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        ed = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        rsa = Keygen.generate(dir, "id_rsa", "rsa", "");
        stranger = Keygen.generate(dir, "id_stranger", "ed25519", "");
        server = TestSshServer.start(List.of(Keygen.pub(ed), Keygen.pub(rsa)), Map.of(), false);
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private SshSettings settings(Optional<Path> agent, Optional<Path> key) {
        return TestHosts.settings(knownHosts, key, Map.of()).withAgentSocket(agent);
    }

    private String echo(SshSettings settings, boolean identitiesOnly) {
        return echo(settings, identitiesOnly, TestHosts.local("n1", server.port()));
    }

    private String echo(SshSettings settings, boolean identitiesOnly, Host host) {
        SshTransportFactory factory = new SshTransportFactory(settings,
                h -> SshTarget.of(h, settings, "tester").withIdentitiesOnly(identitiesOnly), "tester",
                Clock.systemUTC());
        try (Transport t = factory.connect(host)) {
            return t.execute(Command.of("echo", "in")).stdout();
        }
    }

    @Test
    void listsTheKeysSshAddListsInItsOrder(@TempDir Path tmp) throws IOException {
        try (RealAgent agent = RealAgent.start(tmp)) {
            agent.add(rsa, ed);
            List<String> listed = new AgentClient(agent.socket()).identities().stream()
                    .map(i -> i.key().type() + " " + i.key().base64() + " " + i.comment()).toList();
            assertThat(listed).isEqualTo(agent.list());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"})
    void rsaSignaturesUseTheAlgorithmAskedFor(String algorithm, @TempDir Path tmp) throws Exception {
        try (RealAgent agent = RealAgent.start(tmp)) {
            agent.add(rsa);
            AgentClient client = new AgentClient(agent.socket());
            HostKey key = client.identities().get(0).key();
            byte[] signature = client.sign(key.blob(), "data".getBytes(StandardCharsets.UTF_8), algorithm);
            assertThat(new net.schmizz.sshj.common.Buffer.PlainBuffer(signature).readString()).isEqualTo(algorithm);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "rsa"})
    void aKeyOnlyInTheAgentAuthenticates(String type, @TempDir Path tmp) throws IOException {
        Path copy = Files.copy(type.equals("rsa") ? rsa : ed, tmp.resolve("key"));
        Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (RealAgent agent = RealAgent.start(tmp)) {
            agent.add(copy);
            Files.delete(copy); // nodefix never sees the key file
            assertThat(echo(settings(Optional.of(agent.socket()), Optional.empty()), false)).isEqualTo("in\n");
        }
    }

    @Test
    void anEncryptedKeyFileHeldByTheAgentNeedsNoPassphrase(@TempDir Path tmp) throws IOException {
        Path locked = Files.copy(ed, tmp.resolve("id_locked"));
        Keygen.run(List.of("-q", "-p", "-P", "", "-N", "pass phrase", "-f", locked.toString()));
        try (RealAgent agent = RealAgent.start(tmp)) {
            agent.add(ed);
            SshSettings noPrompt = new SshSettings(java.time.Duration.ofSeconds(15), java.time.Duration.ofSeconds(30),
                    java.time.Duration.ofSeconds(15), knownHosts, false, false, Optional.empty(), Optional.of(locked),
                    List.of(), (kind, subject) -> {
                        if (kind == SecretSource.Kind.KEY_PASSPHRASE) {
                            throw new AssertionError("asked for the passphrase of " + subject);
                        }
                        return Optional.empty();
                    }, List.of(), Optional.of(agent.socket()));
            // no .pub beside it: the public key comes from the clear part of the openssh-key-v1 file
            assertThat(echo(noPrompt, true)).isEqualTo("in\n");
        }
    }

    @Test
    void identitiesOnlyOffersOnlyTheAgentKeysOfTheIdentityFiles(@TempDir Path tmp) {
        try (RealAgent agent = RealAgent.start(tmp)) {
            agent.add(stranger, ed);
            SshSettings s = settings(Optional.of(agent.socket()), Optional.of(stranger));
            String edPrint = KeysFingerprint.of(Keygen.pub(ed));

            assertThat(echo(s, false)).isEqualTo("in\n"); // ed, the agent's other key, is tried after stranger
            assertThatThrownBy(() -> echo(s, true)).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                assertThat(e.getMessage()).contains("publickey (agent key ssh-ed25519 "
                        + KeysFingerprint.of(Keygen.pub(stranger)) + " (id_stranger) for " + stranger + "), "
                        + "1 ssh-agent key not offered (IdentitiesOnly: matching no identity file)")
                        .doesNotContain(edPrint);
            });
        }
    }

    @Test
    void aHostWhoseSshConfigSaysIdentityAgentNoneIsOfferedNoAgentKey(@TempDir Path tmp) {
        SshExtras noAgent = new SshExtras(List.of(), false, List.of(), List.of(), Optional.empty(), Optional.empty(), true);
        Host none = TestHosts.host("n1", new Connection("127.0.0.1", server.port(), Optional.of("tester"),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), noAgent));
        try (RealAgent agent = RealAgent.start(tmp)) {
            agent.add(ed);
            SshSettings s = settings(Optional.of(agent.socket()), Optional.empty());
            assertThat(echo(s, false)).isEqualTo("in\n"); // the agent's key gets in...
            assertThatThrownBy(() -> echo(s, false, none)).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.failure()).isEqualTo(FailureClass.AUTH); // ...but is not offered for this host
                assertThat(e.getMessage()).contains("no key files, ssh-agent " + agent.socket()
                        + " not used (IdentityAgent none)").doesNotContain("agent key");
            });
            assertThat(echo(settings(Optional.of(agent.socket()), Optional.of(rsa)), false, none)).isEqualTo("in\n");
        }
    }

    @Test
    void aHostWhoseSshConfigNamesAnAgentSocketUsesThatAgent(@TempDir Path tmp) throws IOException {
        try (RealAgent agent = RealAgent.start(tmp);
             RealAgent empty = RealAgent.start(Files.createDirectories(tmp.resolve("empty")))) {
            agent.add(ed);
            SshExtras atAgent = new SshExtras(List.of(), false, List.of(), List.of(), Optional.empty(),
                    Optional.of(agent.socket()), false);
            Host host = TestHosts.host("n1", new Connection("127.0.0.1", server.port(), Optional.of("tester"),
                    Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), atAgent));
            assertThatThrownBy(() -> echo(settings(Optional.of(empty.socket()), Optional.empty()), false))
                    .isInstanceOf(TransportException.class); // SSH_AUTH_SOCK's agent holds nothing
            assertThat(echo(settings(Optional.of(empty.socket()), Optional.empty()), false, host)).isEqualTo("in\n");
            assertThat(echo(settings(Optional.empty(), Optional.empty()), false, host)).isEqualTo("in\n");
        }
    }

    @Test
    void anUnreachableAgentIsAReasonNotACrash() {
        Path nowhere = dir.resolve("no-agent.sock");
        assertThat(echo(settings(Optional.of(nowhere), Optional.of(ed)), false)).isEqualTo("in\n");
        assertThatThrownBy(() -> echo(settings(Optional.of(nowhere), Optional.empty()), false))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).contains("no key files, ssh-agent " + nowhere + " unusable: ");
                });
    }

    @Test
    void aMisbehavingAgentIsAReason(@TempDir Path tmp) {
        for (byte[] reply : List.of(new byte[] {0, 0, 0, 1, AgentClient.FAILURE}, new byte[] {0x7f, 0, 0, 0},
                new byte[] {0, 0, 0, 5, AgentClient.IDENTITIES_ANSWER, 0, 0, 0, 1})) {
            try (FakeAgent agent = FakeAgent.replying(tmp.resolve("fake.sock"), reply)) {
                assertThatThrownBy(() -> echo(settings(Optional.of(agent.socket()), Optional.empty()), false))
                        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.getMessage())
                                .contains("ssh-agent " + agent.socket() + " unusable: "));
            }
        }
    }

    @ParameterizedTest(name = "IdentitiesOnly={0}")
    @ValueSource(booleans = {false, true})
    void offersKeysInTheOrderOfTheRealSsh(boolean identitiesOnly, @TempDir Path tmp) throws Exception {
        Path a = Keygen.generate(tmp, "a", "ed25519", "");
        Path b = Keygen.generate(tmp, "b", "ecdsa", "");
        Path c = Keygen.generate(tmp, "c", "ed25519", "");
        Path x = Keygen.generate(tmp, "x", "ed25519", "");
        List<Path> files = List.of(a, b, c);
        try (RealAgent agent = RealAgent.start(tmp); TestSshServer nobody = TestSshServer.start(List.of(), Map.of(), false)) {
            agent.add(x, b, a);
            List<String> expected = sshAttempts(agent, nobody.port(), files, identitiesOnly);

            List<IdentityOrder.IdentityFile> identities = files.stream()
                    .map(f -> new IdentityOrder.IdentityFile(f, PublicKeyFile.of(f))).toList();
            List<String> ours = IdentityOrder.of(identities, new AgentClient(agent.socket()).identities(), identitiesOnly)
                    .stream().map(SshAgentTest::fingerprint).toList();

            assertThat(ours).isEqualTo(expected).hasSize(identitiesOnly ? 3 : 4);
        }
    }

    private static String fingerprint(IdentityOrder.Offer offer) {
        if (offer instanceof IdentityOrder.FromAgent fromAgent) {
            return fromAgent.identity().key().sha256();
        }
        return PublicKeyFile.of(((IdentityOrder.FromFile) offer).file()).orElseThrow().sha256();
    }

    /** The fingerprints {@code ssh -v} says it "Will attempt", in order. */
    private static List<String> sshAttempts(RealAgent agent, int port, List<Path> files, boolean identitiesOnly)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("/usr/bin/ssh", "-v", "-F", "/dev/null", "-p", Integer.toString(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no",
                "-o", "IdentitiesOnly=" + (identitiesOnly ? "yes" : "no")));
        files.forEach(f -> args.addAll(List.of("-i", f.toString())));
        args.addAll(List.of("tester@127.0.0.1", "true"));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", agent.socket().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        List<String> attempts = new ArrayList<>();
        Matcher m = Pattern.compile("Will attempt key: .*? (SHA256:\\S+)").matcher(out);
        while (m.find()) {
            attempts.add(m.group(1));
        }
        assertThat(attempts).as(out).isNotEmpty();
        return attempts;
    }
}
