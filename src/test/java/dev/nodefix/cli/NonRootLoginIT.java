package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.transport.Command;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-root login without become against the lab's real sshd: its own PATH lacks the sbin directories, yet
 * every command nodefix sends finds ethtool there, so the ethtool module reads flannel.1 instead of reporting
 * that it does not exist.
 */
class NonRootLoginIT {
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxu", "nfxubr0", "10.99.68", "target/it-lab-nfxu");
    private final Lab lab = LAB.lab();

    @TempDir Path state;

    @BeforeAll
    static void prepare() {
        LAB.lab().names().forEach(n -> LAB.lab().exec(n, "sh", "-c", LabUsers.NOPASSWD_SUDOER));
    }

    private CliRunner.Result asLabuser(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(args),
                java.util.stream.Stream.of("-i", lab.inventory().toString(), "-u", "labuser")).toArray(String[]::new);
        return new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString()).run(all);
    }

    @Test
    void theLoginsOwnPathLacksSbinButCommandsGetItInFront() {
        String node = lab.names().get(0);
        CliRunner.Result path = asLabuser("run", "-l", node, "-a", "printenv PATH");

        assertThat(path.exitCode()).as(path.toString()).isZero();
        String prefix = node + " | ok | rc=0 >>\n" + Command.SEARCH_PATH + ":";
        assertThat(path.out()).as(path.toString()).contains(prefix);
        String own = path.out().substring(path.out().indexOf(prefix) + prefix.length()).lines().findFirst().orElseThrow();
        assertThat(own.split(":")).as("sshd's PATH for a non-root login").doesNotContain("/usr/sbin", "/sbin");
    }

    @Test
    void ethtoolIsFoundWithoutBecome() {
        CliRunner.Result listing = asLabuser("run", "-a", "ethtool -k flannel.1");

        assertThat(listing.exitCode()).as(listing.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(listing.out()).as(listing.toString()).contains(node + " | ok | rc=0 >>");
        }
        assertThat(listing.out()).contains("tx-checksum-ip-generic: on").doesNotContain("not found");
    }

    @Test
    void theEthtoolModuleReadsFlannelInsteadOfSayingItDoesNotExist() {
        CliRunner.Result check = asLabuser("run", "-m", "ethtool", "-a",
                "iface=flannel.1 features.tx-checksum-ip-generic=off", "--check");

        assertThat(check.out()).as(check.toString()).doesNotContain("does not exist").doesNotContain("cannot tell")
                .contains("tx-checksum-ip-generic");
    }
}
