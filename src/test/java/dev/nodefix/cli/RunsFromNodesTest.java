package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.report.ExitCode;
import dev.nodefix.transport.FailureClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs --from-nodes} and {@code rollback --last --from-nodes} over scripted hosts whose node journals are
 * simulated: a run applied, this machine's store deleted, a host unreachable; the lab case is {@link RunsFromNodesIT}.
 */
class RunsFromNodesTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";
    private static final String ETHTOOL_ON = "@@nodefix-q 0\nFeatures for flannel.1:\ntx-checksumming: on\n"
            + "\ttx-checksum-ip-generic: on\n\n@@nodefix-rc 0 0\n";

    @TempDir Path state;

    private CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString()).run(args);
    }

    @Test
    void aRunOnlyTheNodesHaveIsListedAndOfferedAndAHostNotReadIsNamed() throws IOException {
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, ETHTOOL_ON, "").answer("agt1", 0, ETHTOOL_ON, "")
                .answer("agt2", 0, ETHTOOL_ON, "");
        CliRunner.Result applied = run(hosts, "run", "-i", INV, "-m", "ethtool", "-a",
                "iface=flannel.1 features.tx-checksum-ip-generic=off", "--yes");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        String id = LabChanges.runId(applied);
        try (Stream<Path> all = Files.walk(state.resolve("nodefix/runs"))) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(run(hosts, "runs").out()).contains("no runs recorded yet");
        hosts.refuse("agt2", FailureClass.REFUSED);

        CliRunner.Result listed = run(hosts, "runs", "--from-nodes", "-i", INV);
        CliRunner.Result json = run(hosts, "runs", "--from-nodes", "-i", INV, "-l", "srv1:agt2", "--json");
        CliRunner.Result last = run(hosts, "rollback", "--last", "--from-nodes", "-i", INV, "--check");

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("runs in the journals of 2 of 3 host(s); cannot tell for agt2")
                .containsPattern(id + " .* apply +2/2 +no +done +ethtool")
                .contains("    srv1: done, agt1: done").contains("cannot tell for agt2 (unreachable: ");
        Map<String, Object> root = JSON.std.mapFrom(json.out());
        assertThat(root.get("hosts_read")).isEqualTo(List.of("srv1"));
        assertThat(((Map<?, ?>) root.get("cannot_tell")).keySet().stream().map(String::valueOf)).containsExactly("agt2");
        assertThat(((Map<?, ?>) ((List<?>) root.get("runs")).get(0)).get("hosts")).isEqualTo(Map.of("srv1", "done"));
        assertThat(last.err()).as(last.toString()).contains("agt2: its journals were not read, so a run only it has is"
                + " not considered for --last");
        assertThat(last.out()).contains("PLAN rollback " + id);
    }

    @Test
    void nothingLeftToRollBackOnTheNodesIsSaid() {
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, "", "").answer("agt1", 0, "", "")
                .answer("agt2", 0, "", "");

        CliRunner.Result last = run(hosts, "rollback", "--last", "--from-nodes", "-i", INV, "--check");

        assertThat(last.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(last.err()).contains("no run in the journals of the 3 host(s) read has anything left to roll back");
    }
}
