package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.ssh.Keygen;
import dev.nodefix.transport.ssh.RealAgent;
import dev.nodefix.transport.ssh.SshTarget;
import dev.nodefix.transport.ssh.SshTransportFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab node reached with a key that only a real {@code ssh-agent} holds (added with {@code ssh-add}, then
 * deleted): {@code SSH_AUTH_SOCK} is all nodefix gets. Its own lab (nfxg), one node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshAgentIT {
    private Lab lab;
    private Path work;
    private RealAgent agent;
    private Path inventory;
    private Path home;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        lab = Lab.up(repo, 1, "affected", new Lab.LabNames("nfxg", "nfxgbr0", "10.99.50", repo.resolve("target/it-lab-nfxg")));
        work = tmp;
        home = Files.createDirectories(tmp.resolve("home"));
        agent = RealAgent.start(Files.createDirectories(tmp.resolve("agent")));
        Path copy = Files.copy(lab.clientKey(), tmp.resolve("lab-key"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        agent.add(copy);
        Files.delete(copy);
        inventory = Files.writeString(tmp.resolve("agent.yaml"), String.join("\n",
                "all:",
                "  hosts:",
                "    " + lab.names().get(0) + ":",
                "      ansible_host: 10.99.50.11",
                "      ansible_user: root",
                "      ansible_ssh_common_args: -o UserKnownHostsFile=" + lab.knownHosts(),
                ""));
    }

    @AfterAll
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private CliRunner runner() {
        return new CliRunner().home(home).env("SSH_AUTH_SOCK", agent.socket().toString());
    }

    @Test
    void pingAndRunWithTheKeyOnlyInTheAgent() {
        String node = lab.names().get(0);
        CliRunner.Result ping = runner().run("ping", "-i", inventory.toString());
        CliRunner.Result run = runner().run("run", "-i", inventory.toString(), "-a", "hostname");

        assertThat(ping.exitCode()).as(ping.toString()).isZero();
        assertThat(ping.out()).contains(node + " | pong");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(node + " | ok | rc=0 >>\n" + node + "\n");
    }

    @Test
    void withoutTheAgentThereIsNoKey() {
        CliRunner.Result r = new CliRunner().home(home).run("ping", "-i", inventory.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("no way to authenticate as root: no key files");
    }

    @Test
    void identitiesOnlyWithNoMatchingFileLeavesTheAgentKeyOutAndSaysSo() {
        Path other = Keygen.generate(work, "id_other", "ed25519", "");
        CliRunner.Result r = runner()
                .transports(s -> new SshTransportFactory(s, h -> SshTarget.of(h, s, "root").withIdentitiesOnly(true),
                        "root", Clock.systemUTC()))
                .run("ping", "-i", inventory.toString(), "--key", other.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("authentication as root failed; tried publickey (" + other + "), "
                + "1 ssh-agent key not offered (IdentitiesOnly: matching no identity file)");
    }

    @Test
    void anAgentThatIsGoneIsAReasonNotACrash() {
        CliRunner.Result r = new CliRunner().home(home).env("SSH_AUTH_SOCK", work.resolve("gone.sock").toString())
                .run("ping", "-i", inventory.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("ssh-agent " + work.resolve("gone.sock") + " unusable: ");
    }
}
