package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.LabExtension;
import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix ping} against the lab's real OpenSSH servers, strict host keys on. */
@ExtendWith(LabExtension.class)
class PingIT {
    @Test
    void everyLabNodeAnswersWithStrictHostKeysFromTheInventory(Lab lab) {
        CliRunner.Result r = new CliRunner().run("ping", "-i", lab.inventory().toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String node : lab.names()) {
            assertThat(r.out()).contains(node + " | pong");
        }
        assertThat(r.out()).contains("3 hosts: 3 ok, 0 failed, 0 unreachable");
    }

    @Test
    void aNodeWhoseSshdIsStoppedIsUnreachableWhileTheOthersAnswer(Lab lab) {
        String victim = lab.names().get(2);
        lab.stopSshd(victim);
        try {
            CliRunner.Result r = new CliRunner().run("ping", "-i", lab.inventory().toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
            assertThat(r.out()).contains(victim + " | UNREACHABLE | connection refused");
            assertThat(r.out()).contains(lab.names().get(0) + " | pong", lab.names().get(1) + " | pong");
        } finally {
            lab.startSshd(victim);
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint(Lab lab, @TempDir Path tmp) throws IOException {
        Path empty = Files.createFile(tmp.resolve("known_hosts"));

        CliRunner.Result r = new CliRunner().run("ping", "-i", lab.inventory().toString(),
                "--known-hosts", empty.toString(), "-l", lab.names().get(0));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains("host key unknown").contains("SHA256:").contains("--accept-new-host-keys");
    }

    @Test
    void aChangedHostKeyIsRefusedLoudly(Lab lab, @TempDir Path tmp) throws IOException {
        List<String> lines = Files.readAllLines(lab.knownHosts());
        String first = lab.names().get(0);
        String second = lab.names().get(1);
        String secondKey = lines.stream().filter(l -> l.startsWith(second + ",")).findFirst().orElseThrow();
        Path swapped = tmp.resolve("known_hosts");
        Files.write(swapped, lines.stream()
                .map(l -> l.startsWith(first + ",") ? l.substring(0, l.indexOf(' ')) + secondKey.substring(secondKey.indexOf(' ')) : l)
                .toList());

        CliRunner.Result r = new CliRunner().run("ping", "-i", lab.inventory().toString(), "--known-hosts", swapped.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
        assertThat(r.out()).contains(first + " | UNREACHABLE | host key CHANGED").containsIgnoringCase("man-in-the-middle");
        assertThat(r.out()).contains(second + " | pong");
    }

    @Test
    void acceptNewRecordsUnknownKeysAndThenStrictCheckingPasses(Lab lab, @TempDir Path tmp) {
        Path fresh = tmp.resolve("new_known_hosts");

        CliRunner.Result first = new CliRunner().run("ping", "-i", lab.inventory().toString(),
                "--known-hosts", fresh.toString(), "--accept-new-host-keys");
        CliRunner.Result second = new CliRunner().run("ping", "-i", lab.inventory().toString(),
                "--known-hosts", fresh.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
    }

    @Test
    void reachesANodeThroughAJumpHostNamedByProxyJump(Lab lab, @TempDir Path tmp) throws IOException {
        String target = lab.names().get(2);
        Path inventory = tmp.resolve("jump.yaml");
        Files.writeString(inventory, String.join("\n",
                "all:",
                "  vars:",
                "    ansible_user: root",
                "    ansible_ssh_private_key_file: " + lab.clientKey(),
                "  hosts:",
                "    " + target + ":",
                "      ansible_host: 10.99.1.13",
                "      ansible_ssh_common_args: -o ProxyJump=root@10.99.1.11 -o UserKnownHostsFile=" + lab.knownHosts(),
                ""));
        CliRunner.Result r = new CliRunner().run("run", "-i", inventory.toString(), "-a", "hostname");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(target + " | ok | rc=0 >>\n" + target + "\n");
        // the target's sshd saw the login come from the bastion's address, not from the controller's
        assertThat(Files.readString(lab.dir().resolve("nodes/" + target + "/sshd.log")))
                .contains("Accepted publickey for root from 10.99.1.11");
    }
}
