package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.report.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory a run used: kept in run.json by a changing command, shown by {@code runs show} and {@code runs --json}. */
class RunsInventoryTest {
    private static final String INV = "src/test/resources/cli/three-hosts.yaml";
    private static final String ETHTOOL_ON = "@@nodefix-q 0\nFeatures for flannel.1:\ntx-checksumming: on\n"
            + "\ttx-checksum-ip-generic: on\n\n@@nodefix-rc 0 0\n";

    @TempDir Path state;

    private CliRunner.Result run(ScriptedTransports hosts, String... args) {
        return new CliRunner().transports(settings -> hosts).env("XDG_STATE_HOME", state.toString()).run(args);
    }

    @Test
    void aRunKeepsItsInventoryAndLimitAndRunsShowsThem() throws Exception {
        ScriptedTransports hosts = new ScriptedTransports().answer("srv1", 0, ETHTOOL_ON, "").answer("agt1", 0, ETHTOOL_ON, "");
        CliRunner.Result applied = run(hosts, "run", "-i", INV, "-l", "srv1:agt1", "-m", "ethtool", "-a",
                "iface=flannel.1 features.tx-checksum-ip-generic=off", "--yes");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        String id = LabChanges.runId(applied);
        String absolute = Path.of(INV).toAbsolutePath().normalize().toString();

        CliRunner.Result show = run(hosts, "runs", "show", id);
        CliRunner.Result json = run(hosts, "runs", "--json");

        assertThat(show.out()).as(show.toString()).contains("inventory: " + absolute + " (limit srv1:agt1)");
        Map<String, Object> root = JSON.std.mapFrom(json.out());
        assertThat(root.get("schema_version")).isEqualTo(1);
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) root.get("runs")).get(0);
        assertThat(listed.get("id")).isEqualTo(id);
        assertThat(listed.get("inventory")).isEqualTo(Map.of("sources", List.of(absolute), "limit", "srv1:agt1"));
        CliRunner.Result shownJson = run(hosts, "runs", "show", id, "--json");
        assertThat(((Map<?, ?>) JSON.std.mapFrom(shownJson.out()).get("run")).get("inventory")).isEqualTo(listed.get("inventory"));
    }

    @Test
    void inventoryOptionsWithoutFromNodesAreRefused() {
        CliRunner.Result r = run(new ScriptedTransports(), "runs", "-l", "srv1");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("-i and -l are for --from-nodes");
    }
}
