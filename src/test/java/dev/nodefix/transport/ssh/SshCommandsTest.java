package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.secret.Secret;
import dev.nodefix.transport.Become;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

/** Commands over one sshj connection to an in-JVM MINA server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshCommandsTest {
    private TestSshServer server;
    private SshTransportFactory factory;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        Path key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        server = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), false);
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        factory = new SshTransportFactory(TestHosts.settings(knownHosts, Optional.of(key), Map.of()));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Transport connect() {
        return factory.connect(TestHosts.local("node1", server.port()));
    }

    @Test
    void runsCommandsOnOneConnectionWithAChannelEach() {
        int connectionsBefore = server.connections();
        int channelsBefore = server.channels();
        try (Transport t = connect()) {
            assertThat(t.host()).isEqualTo("node1");
            CommandResult hello = t.execute(Command.of("echo", "hello", "world"));
            assertThat(hello.stdout()).isEqualTo("hello world\n");
            assertThat(hello.ok()).isTrue();
            assertThat(t.execute(Command.of("exit", "3")).exitCode()).isEqualTo(3);
            assertThat(t.execute(Command.of("stderr", "oops")).stderr()).isEqualTo("oops\n");
            assertThat(t.execute(Command.of("nosuch")).exitCode()).isEqualTo(127);
        }
        assertThat(server.connections() - connectionsBefore).isEqualTo(1);
        assertThat(server.channels() - channelsBefore).isEqualTo(4);
    }

    @Test
    void drainsLargeStderrAndStdoutWithoutDeadlock() {
        int size = 8 * 1024 * 1024; // far beyond any channel window: reading stdout first would stall
        try (Transport t = connect()) {
            CommandResult big = t.execute(Command.of("big", Integer.toString(size)));
            assertThat(big.stderr()).hasSize(size);
            assertThat(big.stdout()).hasSize(size);
        }
    }

    @Test
    void sendsStdinThenEof() {
        try (Transport t = connect()) {
            byte[] input = "line one\nline two ü\n".getBytes(StandardCharsets.UTF_8);
            assertThat(t.execute(Command.of("cat").withStdin(input)).stdout()).isEqualTo("line one\nline two ü\n");
            assertThat(t.execute(Command.of("cat")).stdout()).isEmpty(); // EOF even without input
        }
    }

    @Test
    void becomePasswordGoesOnStdinOnlyWhenSudoAsksForIt() {
        Become sudo = Become.sudo("admin", Optional.of(Secret.of("s3cret")));
        int channelsBefore = server.channels();
        try (Transport t = connect()) {
            CommandResult r = t.execute(Command.of("cat").withStdin("data\n".getBytes(StandardCharsets.UTF_8)).withBecome(sudo));
            assertThat(r.stdout()).isEqualTo("sudo -S -p '' -u admin -- cat\n");
            assertThat(r.stderr()).isEqualTo("stdin: s3cret|data|\n");
            t.execute(Command.of("true").withBecome(sudo));
        }
        assertThat(server.channels() - channelsBefore).as("one sudo -n probe, then two commands").isEqualTo(3);
    }

    @Test
    void noPasswordIsSentWhenSudoNeedsNone() {
        Become sudo = Become.sudo("nopasswd", Optional.of(Secret.of("s3cret")));
        try (Transport t = connect()) {
            CommandResult r = t.execute(Command.of("cat").withStdin("data\n".getBytes(StandardCharsets.UTF_8)).withBecome(sudo));
            assertThat(r.stdout()).isEqualTo("sudo -n -u nopasswd -- cat\n");
            assertThat(r.stderr()).isEqualTo("stdin: data|\n").doesNotContain("s3cret");
        }
    }

    @Test
    void becomingTheLoginUserRunsWithoutSudo() {
        Become same = Become.sudo("tester", Optional.of(Secret.of("s3cret")));
        int channelsBefore = server.channels();
        try (Transport t = connect()) {
            CommandResult r = t.execute(Command.of("cat").withStdin("data\n".getBytes(StandardCharsets.UTF_8)).withBecome(same));
            assertThat(r.stdout()).as("cat itself, no sudo line, no password on stdin").isEqualTo("data\n");
            assertThat(t.execute(Command.of("echo", "x").withBecome(Become.sudo("admin", Optional.empty()))).stderr())
                    .as("another user still goes through sudo").isEqualTo("sudo: a password is required\n");
        }
        assertThat(server.channels() - channelsBefore).as("no sudo -n probe").isEqualTo(2);
    }

    @Test
    void commandTimeoutClosesTheChannelAndKeepsTheConnection() {
        int connectionsBefore = server.connections();
        try (Transport t = connect()) {
            assertThatThrownBy(() -> t.execute(Command.of("sleep", "30").withTimeout(Duration.ofMillis(500))))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureClass.COMMAND_TIMEOUT);
                        assertThat(e.host()).isEqualTo("node1");
                        assertThat(e.getMessage()).contains("127.0.0.1:" + server.port(), "500ms", "sleep 30");
                    });
            assertThat(t.execute(Command.of("echo", "still", "here")).stdout()).isEqualTo("still here\n");
        }
        assertThat(server.connections() - connectionsBefore).isEqualTo(1);
    }

    @Test
    void connectionDroppedMidCommandIsDisconnected() {
        try (Transport t = connect()) {
            assertThatThrownBy(() -> t.execute(Command.of("drop")))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureClass.DISCONNECTED);
                        assertThat(e.getMessage()).startsWith("127.0.0.1:" + server.port() + ": connection lost");
                    });
            assertThatThrownBy(() -> t.execute(Command.of("echo", "again")))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.failure()).isEqualTo(FailureClass.DISCONNECTED));
        }
    }

    @Test
    void quotedArgumentsArriveAsOneShellLine() {
        try (Transport t = connect()) {
            String line = t.execute(Command.of("line", "a b", "it's")).stdout();
            assertThat(line).isEqualTo("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:\"$PATH\""
                    + " line 'a b' 'it'\"'\"'s'\n");
        }
    }
}
