package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a playbook run for the hosts it did not finish, on real lab nodes: a node whose sshd is down is
 * unreachable, the recap names the command that retries it, ansible.cfg's retry files setting writes
 * PLAYBOOK.retry, and {@code --limit @RUN} (or {@code @FILE}) then reaches that node alone.
 */
class RetryIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String PROBE = "probe_target=10.43.0.10:80";
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxz", "nfxbrz0", "10.99.70", "/tmp/nodefix-lab-nfxz");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    @TempDir Path retries;

    /** {@code nodefix ARGS -i LAB_INVENTORY} with retry files on (written to {@code retries}). */
    private CliRunner.Result nodefix(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("-i", lab.inventory().toString())).toArray(String[]::new);
        return new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString())
                .env("ANSIBLE_RETRY_FILES_ENABLED", "true").env("ANSIBLE_RETRY_FILES_SAVE_PATH", retries.toString())
                .run(all);
    }

    /** Whether the node holds a journal of the run (a run that reached it writes one there). */
    private boolean journaled(String node, String run) {
        return lab.exec(node, "sh", "-c", "ls /var/lib/nodefix/runs/ 2>/dev/null || true").contains(run);
    }

    @Test
    void theNodeThatWasDownIsRetriedAloneWithLimitAtRun() throws IOException {
        LabChanges nodes = LAB.freshNodes(state);
        String down = lab.names().get(2);
        String hint;
        String first;
        lab.stopSshd(down);
        try {
            CliRunner.Result r = nodefix("play", FIX, "--yes", "-e", PROBE);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.HOST_UNREACHABLE);
            first = LabChanges.runId(r);
            assertThat(r.out()).containsPattern(down + " +ok=0 +changed=0 +unreachable=1 ");
            hint = "retry the 1 host(s) that did not finish: nodefix play " + FIX + " --yes -e " + PROBE + " -i "
                    + lab.inventory() + " --limit @" + first;
            assertThat(r.out()).contains(hint + "\n");
            Path retryFile = retries.resolve("fix-vxlan-checksum.retry");
            assertThat(r.out()).contains("to retry, use: --limit @" + retryFile);
            assertThat(Files.readString(retryFile)).isEqualTo(down + "\n");
            assertThat(nodes.offload(lab.names().get(0))).isEqualTo("off");
            assertThat(nodes.offload(down)).isEqualTo("on");
        } finally {
            lab.startSshd(down);
        }

        CliRunner.Result check = nodefix("play", FIX, "--check", "-e", PROBE, "--limit",
                "@" + retries.resolve("fix-vxlan-checksum.retry"));
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).containsPattern(down + " +ok=").doesNotContain(lab.names().get(0) + " ")
                .doesNotContain(lab.names().get(1) + " ");

        CliRunner.Result retry = nodefix("play", FIX, "--yes", "-e", PROBE, "--limit", "@" + first);

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        String second = LabChanges.runId(retry);
        assertThat(nodes.offload(down)).isEqualTo("off");
        assertThat(retry.out()).containsPattern(down + " +ok=\\d+ +changed=3 +unreachable=0 +failed=0 ")
                .doesNotContain("retry the").doesNotContain("to retry, use");
        assertThat(journaled(down, second)).isTrue();
        assertThat(journaled(lab.names().get(0), second)).isFalse();
        assertThat(journaled(lab.names().get(1), second)).isFalse();
        assertThat(journaled(lab.names().get(0), first)).isTrue();

        CliRunner.Result nothing = nodefix("play", FIX, "--yes", "--limit", "@last");
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.err()).contains("run " + second + ": every host ended ok; nothing to retry");
    }
}
