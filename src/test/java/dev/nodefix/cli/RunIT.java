package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.LabExtension;
import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix run -a} against the lab: output per host, exit codes, become, and quoting of inventory values. */
@ExtendWith(LabExtension.class)
class RunIT {
    @Test
    void printsEachHostsOutputGroupedByHostThenASummary(Lab lab) {
        CliRunner.Result r = new CliRunner().run("run", "-i", lab.inventory().toString(), "-a", "hostname; echo oops >&2");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(r.out()).contains(node + " | ok | rc=0 >>\n" + node + "\nstderr| oops\n");
        }
        assertThat(r.out()).contains("3 hosts: 3 ok, 0 failed, 0 unreachable");
    }

    @Test
    void aFailingCommandOnOneHostExitsTwo(Lab lab) {
        String server = lab.names().get(0);
        CliRunner.Result r = new CliRunner().run("run", "-i", lab.inventory().toString(), "-a",
                "test \"$(hostname)\" != " + server);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(r.out()).contains(server + " | FAILED | rc=1 >>").contains("1 failed");
    }

    @Test
    void theRealLauncherRunsFromAnyDirectory(Lab lab, @TempDir Path elsewhere) throws Exception {
        Process p = new ProcessBuilder(lab.repo().resolve("bin/nodefix").toString(), "run", "-i",
                lab.inventory().toString(), "-a", "uname -r", "--no-color")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains(lab.names().get(1) + " | ok | rc=0 >>", "3 hosts: 3 ok");
    }

    @Test
    void becomeRunsThroughSudoForAnUnprivilegedUser(Lab lab) {
        String node = lab.names().get(0);
        lab.exec(node, "sh", "-c", LabUsers.NOPASSWD_SUDOER);

        CliRunner.Result plain = new CliRunner().run("run", "-i", lab.inventory().toString(), "-l", node,
                "-u", "labuser", "-a", "id -un");
        CliRunner.Result become = new CliRunner().run("run", "-i", lab.inventory().toString(), "-l", node,
                "-u", "labuser", "--become", "-a", "id -un");

        assertThat(plain.out()).as(plain.toString()).contains(node + " | ok | rc=0 >>\nlabuser\n");
        assertThat(become.out()).as(become.toString()).contains(node + " | ok | rc=0 >>\nroot\n");
    }

    @Test
    void becomeWithAPasswordFeedsItOnStdinAndNeverPrintsIt(Lab lab) {
        String node = lab.names().get(1);
        lab.exec(node, "sh", "-c", LabUsers.PASSWORD_SUDOER);

        CliRunner.Result withPassword = new CliRunner().env("NODEFIX_BECOME_PASSWORD", LabUsers.PASSWORD)
                .run("run", "-i", lab.inventory().toString(), "-l", node, "-u", "labpw", "-b", "-a", "id -un", "--json");
        CliRunner.Result without = new CliRunner()
                .run("run", "-i", lab.inventory().toString(), "-l", node, "-u", "labpw", "-b", "-a", "id -un");

        assertThat(withPassword.exitCode()).as(withPassword.toString()).isZero();
        assertThat(withPassword.out()).contains("\"stdout\" : \"root\\n\"").doesNotContain(LabUsers.PASSWORD);
        assertThat(withPassword.err()).doesNotContain(LabUsers.PASSWORD);
        assertThat(without.exitCode()).as(without.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(without.out()).contains("password");
    }

    @Test
    void inventoryValuesNeverReachAShellUnquoted(Lab lab, @TempDir Path tmp) throws IOException {
        Path marker1 = Path.of("/tmp/nodefix-pwned-" + ProcessHandle.current().pid() + "-1");
        Path marker2 = Path.of("/tmp/nodefix-pwned-" + ProcessHandle.current().pid() + "-2");
        Path inventory = tmp.resolve("evil.yaml");
        Files.writeString(inventory, String.join("\n",
                "all:",
                "  vars:",
                "    ansible_user: root",
                "    ansible_ssh_private_key_file: " + lab.clientKey(),
                "    ansible_ssh_common_args: -o UserKnownHostsFile=" + lab.knownHosts() + " -o StrictHostKeyChecking=yes",
                "    ansible_become: true",
                "  hosts:",
                "    " + lab.names().get(0) + ":",
                "      ansible_host: 10.99.1.11",
                "      ansible_become_user: 'root; touch " + marker1 + "'",
                "    " + lab.names().get(1) + ":",
                "      ansible_host: 10.99.1.12",
                "      ansible_become_user: '$(touch " + marker2 + ")`touch " + marker2 + "`'",
                ""));

        CliRunner.Result r = new CliRunner().run("run", "-i", inventory.toString(), "-a", "id -un");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(r.out()).contains("unknown user");
        assertThat(marker1).doesNotExist();
        assertThat(marker2).doesNotExist();
        assertThat(lab.exec(lab.names().get(0), "sh", "-c", "ls /tmp")).doesNotContain("nodefix-pwned");
    }
}
