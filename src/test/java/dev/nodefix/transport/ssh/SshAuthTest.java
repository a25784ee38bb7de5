package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.transport.Command;
import dev.nodefix.transport.EnvironmentSecrets;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Public key (plain, encrypted, rsa-sha2) and password authentication, and how failures read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshAuthTest {
    private Path dir;
    private Path plain;
    private Path encrypted;
    private Path rsa;
    private Path stranger;
    private Path knownHosts;
    private TestSshServer server;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        plain = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        encrypted = Keygen.generate(dir, "id_locked", "ed25519", "pass phrase");
        rsa = Keygen.generate(dir, "id_rsa", "rsa", "");
        stranger = Keygen.generate(dir, "id_stranger", "ed25519", "");
        server = TestSshServer.start(List.of(Keygen.pub(plain), Keygen.pub(encrypted), Keygen.pub(rsa)),
                Map.of("tester", "letmein"), false);
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String echo(Optional<Path> key, Map<String, String> env) {
        SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(knownHosts, key, env));
        try (Transport t = factory.connect(TestHosts.local("n1", server.port()))) {
            return t.execute(Command.of("echo", "in")).stdout();
        }
    }

    @Test
    void unencryptedAndRsaKeysAuthenticate() {
        assertThat(echo(Optional.of(plain), Map.of())).isEqualTo("in\n");
        assertThat(echo(Optional.of(rsa), Map.of())).isEqualTo("in\n"); // ssh-rsa is not offered: rsa-sha2 only
    }

    @Test
    void wrongKeyIsAuthAndSaysWhatWasTried() {
        assertThatThrownBy(() -> echo(Optional.of(stranger), Map.of()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).startsWith("127.0.0.1:" + server.port() + ": authentication as tester failed")
                            .contains("publickey (" + stranger + ")", "no password (NODEFIX_SSH_PASSWORD unset)")
                            .contains("server accepts", "publickey");
                });
    }

    @Test
    void keyOthersMayReadIsIgnoredLikeSshDoesAndTheFailureSaysHowToFixIt() throws IOException {
        Path open = Files.copy(plain, dir.resolve("id_open"));
        Files.copy(Keygen.pub(plain), Keygen.pub(open));
        Files.setAttribute(open, "unix:mode", 0644);
        assertThatThrownBy(() -> echo(Optional.of(open), Map.of()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).contains(open + " (ignored: permissions 0644 are too open")
                            .contains("chmod 600 " + open);
                });
        // only skipped: another way in still works
        assertThat(echo(Optional.of(open), Map.of("NODEFIX_SSH_PASSWORD", "letmein"))).isEqualTo("in\n");
        Files.setAttribute(open, "unix:mode", 0600);
        assertThat(echo(Optional.of(open), Map.of())).isEqualTo("in\n");
    }

    /** Parity with the real ssh client: for each mode, it refuses the key exactly when nodefix does. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0600", "0400", "0640", "0604", "0644"})
    void theRealSshRefusesTheSameKeys(String mode) throws Exception {
        Path key = dir.resolve("id_parity_" + mode);
        Files.copy(plain, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Keygen.pub(plain), Keygen.pub(key), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setAttribute(key, "unix:mode", Integer.parseInt(mode, 8));
        Process ssh = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=yes", "-o", "PreferredAuthentications=publickey", "-i", key.toString(),
                "-p", String.valueOf(server.port()), "tester@127.0.0.1", "echo", "in")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String sshSaid = new String(ssh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean sshRefused = ssh.waitFor() != 0;
        String nodefix;
        try {
            nodefix = echo(Optional.of(key), Map.of());
        } catch (TransportException e) {
            nodefix = e.getMessage();
        }
        assertThat(sshRefused).as(sshSaid).isEqualTo(sshSaid.contains("UNPROTECTED PRIVATE KEY FILE"));
        assertThat(nodefix.contains("(ignored: permissions " + mode + " are too open")).as(nodefix + "\nssh: " + sshSaid)
                .isEqualTo(sshRefused);
        if (!sshRefused) {
            assertThat(nodefix).isEqualTo("in\n");
        }
    }

    @Test
    void passwordFromTheEnvironment() {
        assertThat(echo(Optional.of(stranger), Map.of("NODEFIX_SSH_PASSWORD", "letmein"))).isEqualTo("in\n");
        assertThatThrownBy(() -> echo(Optional.of(stranger), Map.of("NODEFIX_SSH_PASSWORD", "wrong-pw-123")))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).contains("password").doesNotContain("wrong-pw-123");
                });
    }

    @Test
    void encryptedKeyWithPassphraseAskedOncePerFactory() {
        AtomicInteger asked = new AtomicInteger();
        SecretSource prompt = (kind, subject) -> {
            if (kind != SecretSource.Kind.KEY_PASSPHRASE) {
                return Optional.empty(); // the login password is asked for too (the CLI gates it behind -k)
            }
            asked.incrementAndGet();
            assertThat(subject).isEqualTo(encrypted.toString());
            return Optional.of(dev.nodefix.secret.Secret.of("pass phrase"));
        };
        SshSettings s = TestHosts.settings(knownHosts, Optional.of(encrypted), Map.of());
        SshSettings settings = new SshSettings(s.connectTimeout(), s.commandTimeout(), s.keepAlive(), s.knownHosts(),
                false, false, s.user(), s.key(), List.of(), new EnvironmentSecrets(Map.of(), prompt)).withGlobalKnownHosts(List.of());
        SshTransportFactory factory = new SshTransportFactory(settings);
        for (String name : List.of("n1", "n2", "n3")) {
            try (Transport t = factory.connect(TestHosts.local(name, server.port()))) {
                assertThat(t.execute(Command.of("echo", name)).stdout()).isEqualTo(name + "\n");
            }
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void encryptedKeyFromEnvironmentAndWrongOrMissingPassphrase() {
        assertThat(echo(Optional.of(encrypted), Map.of("NODEFIX_KEY_PASSPHRASE", "pass phrase"))).isEqualTo("in\n");
        assertThatThrownBy(() -> echo(Optional.of(encrypted), Map.of()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).contains(encrypted + " (encrypted, no passphrase given (NODEFIX_KEY_PASSPHRASE))");
                });
        assertThatThrownBy(() -> echo(Optional.of(encrypted), Map.of("NODEFIX_KEY_PASSPHRASE", "not-it-42")))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureClass.AUTH);
                    assertThat(e.getMessage()).contains("wrong passphrase").doesNotContain("not-it-42");
                });
    }

    @Test
    void defaultKeysThatExistAreTriedInOrder() {
        SshSettings s = TestHosts.settings(knownHosts, Optional.empty(), Map.of());
        SshSettings settings = new SshSettings(s.connectTimeout(), s.commandTimeout(), s.keepAlive(), s.knownHosts(),
                false, false, s.user(), Optional.empty(), List.of(dir.resolve("id_missing"), stranger, plain), s.secrets())
                .withGlobalKnownHosts(List.of());
        try (Transport t = new SshTransportFactory(settings).connect(TestHosts.local("n1", server.port()))) {
            assertThat(t.execute(Command.of("echo", "default")).stdout()).isEqualTo("default\n");
        }
    }
}
