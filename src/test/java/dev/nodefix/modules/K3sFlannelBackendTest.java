package dev.nodefix.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.change.Change;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.K3sRestart;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.ArgException;
import dev.nodefix.module.Invocation;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FileState;
import dev.nodefix.query.K3sSources;
import dev.nodefix.query.K3sSourcesQuery;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code k3s_flannel_backend}: its data cases run against the module directly (ModuleCasesTest runs them
 * too once the module is registered), plus what data cases do not show well: splices that keep every other
 * byte (CRLF, quotes, comments), the change objects themselves.
 */
class K3sFlannelBackendTest {
    private static final K3sFlannelBackend MODULE = new K3sFlannelBackend();
    private static final String UNIT = "[Service]\nType=notify\nExecStartPre=-/sbin/modprobe overlay\n"
            + "ExecStart=/usr/local/bin/k3s \\\n    server \\\n\t'--flannel-backend=vxlan' \\\n\t'--node-name' \\\n"
            + "\t'srv1' \\\n\n";

    static Stream<ModuleCase> cases() throws Exception {
        Path dir = Path.of(K3sFlannelBackendTest.class.getResource("/modules/k3s_flannel_backend").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(ModuleCase::load).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dataCase(ModuleCase c) {
        ModuleCase.Expect expect = c.expect();
        if (expect.kind().equals("error")) {
            assertThatThrownBy(() -> MODULE.invoke(c.args())).isInstanceOf(ArgException.class)
                    .hasMessageContaining(expect.text());
            return;
        }
        Invocation invocation = MODULE.invoke(c.args());
        assertThat(c.queries()).containsExactlyInAnyOrderElementsOf(invocation.reads());
        Plan plan = invocation.plan(c.nodeState());
        assertThat(invocation.plan(c.nodeState())).isEqualTo(plan);
        switch (expect.kind()) {
            case "noop" -> assertThat(plan).isInstanceOfSatisfying(Plan.NoOp.class,
                    p -> assertThat(p.reason()).contains(expect.text()));
            case "refused" -> assertThat(plan).isInstanceOfSatisfying(Plan.Refused.class,
                    p -> assertThat(p.reason()).contains(expect.text()));
            default -> {
                assertThat(plan).isInstanceOf(Plan.Changes.class);
                List<Change> changes = plan.changeList();
                assertThat(changes).extracting(Change::describe).containsExactlyElementsOf(expect.changes());
                assertThat(expect.diff()).as("ModuleCasesTest needs at least one diff substring").isNotEmpty();
                assertThat(changes.stream().map(Change::diff).flatMap(Optional::stream).collect(Collectors.joining("\n")))
                        .contains(expect.diff());
                assertThat(rollback(changes)).containsExactlyElementsOf(expect.inverse());
            }
        }
    }

    @Test
    void execStartSpliceKeepsEveryOtherByte() {
        String after = fileAfter(plan(Role.SERVER, Map.of("backend", "host-gw", "l2_adjacent", true), null, UNIT,
                "vxlan"), K3sFlannelBackend.UNIT_FILE);
        assertThat(after).isEqualTo(UNIT.replace("'--flannel-backend=vxlan'", "'--flannel-backend=host-gw'"));
    }

    @Test
    void crlfUnitAndDoubleQuotesAndRepeatedFlag() {
        String unit = "[Service]\r\nExecStart=/usr/local/bin/k3s server \"--flannel-backend=host-gw\" \\\r\n"
                + "  --flannel-backend  vxlan\r\nRestart=always\r\n";
        String after = fileAfter(plan(Role.SERVER, Map.of("backend", "none"), null, unit, "vxlan"),
                K3sFlannelBackend.UNIT_FILE);
        assertThat(after).isEqualTo(unit.replace("=host-gw\"", "=none\"").replace("  vxlan\r", "  none\r"));
    }

    @Test
    void lastFlagWinsWhenReadingExecStart() {
        String unit = "[Service]\nExecStart=/usr/local/bin/k3s server --flannel-backend=vxlan --flannel-backend=host-gw\n";
        Plan plan = plan(Role.SERVER, Map.of("backend", "host-gw", "l2_adjacent", true), null, unit, "host-gw");
        assertThat(plan).isInstanceOf(Plan.Changes.class);
        assertThat(fileAfter(plan, K3sFlannelBackend.UNIT_FILE)).contains("--flannel-backend=host-gw --flannel-backend=host-gw");
        assertThat(plan.changeList()).noneMatch(K3sRestart.class::isInstance);
    }

    @Test
    void configSpliceKeepsQuotesCommentsAndCrlf() {
        String config = "# top\r\nflannel-backend: 'vxlan'  # why\r\ntoken: abc\r\n";
        String after = fileAfter(plan(Role.SERVER, Map.of("backend", "wireguard-native"), config,
                "[Service]\nExecStart=/usr/local/bin/k3s server\n", "vxlan"), K3sFlannelBackend.CONFIG_FILE);
        assertThat(after).isEqualTo("# top\r\nflannel-backend: 'wireguard-native'  # why\r\ntoken: abc\r\n");
    }

    @Test
    void restartCarriesTheArgsTimeoutAndFollowsTheFiles() {
        Plan plan = plan(Role.SERVER, Map.of("backend", "host-gw", "force", "on", "timeout", 30), null, UNIT, "vxlan");
        List<Change> changes = plan.changeList();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).isInstanceOf(FileChange.class);
        assertThat(changes.get(1)).isInstanceOf(DaemonReload.class);
        assertThat(changes.get(2)).isEqualTo(new K3sRestart("k3s.service", "vxlan", "host-gw", Duration.ofSeconds(30)));
    }

    @Test
    void nonUtf8ConfigIsRefused() {
        Map<Query, Object> values = state("flannel-backend: vxlan\n", "[Service]\nExecStart=/usr/local/bin/k3s server\n", "vxlan");
        FileState latin1 = new FileState.Present(new byte[] {'f', 'l', 'a', 'n', 'n', 'e', 'l', '-', 'b', 'a', 'c', 'k', 'e',
            'n', 'd', ':', ' ', 'v', 'x', 'l', 'a', 'n', '\n', '#', (byte) 0xff, '\n'}, "600", "root", "root");
        values.put(new Query.File(K3sFlannelBackend.CONFIG_FILE), latin1);
        K3sSourcesQuery k3s = K3sSourcesQuery.shipped();
        K3sSources read = (K3sSources) values.get(k3s);
        values.put(k3s, new K3sSources(read.config(), Map.of(K3sFlannelBackend.CONFIG_FILE, latin1), Map.of()));
        Plan plan = MODULE.invoke(Map.of("backend", "none")).plan(new NodeState("n", Role.SERVER, values));
        assertThat(plan).isInstanceOfSatisfying(Plan.Refused.class, r -> assertThat(r.reason())
                .contains("k3s takes flannel-backend vxlan from /etc/rancher/k3s/config.yaml:1, but").contains("not UTF-8"));
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> MODULE.invoke(Map.of())).isInstanceOf(ArgException.class).hasMessageContaining("backend");
        assertThatThrownBy(() -> MODULE.invoke(Map.of("backend", "vxlan", "timeout", 0)))
                .hasMessageContaining("at least 1 second");
        assertThatThrownBy(() -> MODULE.invoke(Map.of("backend", "host-gw", "l2_adjacent", "maybe")))
                .hasMessageContaining("expected on or off");
        assertThat(MODULE.invoke(Map.of("backend", "vxlan", "timeout", 0, "restart", "off")).args())
                .isInstanceOf(K3sFlannelBackend.BackendArgs.class);
    }

    private static Plan plan(Role role, Map<String, ?> args, String config, String unit, String netConf) {
        return MODULE.invoke(args).plan(new NodeState("n", role, state(config, unit, netConf)));
    }

    private static Map<Query, Object> state(String config, String unit, String netConf) {
        Map<Query, Object> values = new LinkedHashMap<>();
        values.put(new Query.File(K3sFlannelBackend.CONFIG_FILE), file(config));
        values.put(new Query.File(K3sFlannelBackend.UNIT_FILE), file(unit));
        values.put(new Query.File(K3sRestart.NET_CONF), file("{\"Backend\": {\"Type\": \"" + netConf + "\"}}\n"));
        values.put(new Query.Unit("k3s.service"), new UnitState("k3s.service", true, "enabled", "active"));
        values.put(new Query.Unit("k3s-agent.service"), new UnitState("k3s-agent.service", false, "", "inactive"));
        Map<String, K3sSourcesRead.CaseFile> files = new LinkedHashMap<>();
        if (config != null) {
            files.put(K3sFlannelBackend.CONFIG_FILE, new K3sSourcesRead.CaseFile(config, "644", "root", "root"));
        }
        if (unit != null) {
            files.put(K3sFlannelBackend.UNIT_FILE, new K3sSourcesRead.CaseFile(unit, "644", "root", "root"));
        }
        K3sSourcesQuery k3s = K3sSourcesQuery.shipped();
        values.put(k3s, k3s.parse(K3sSourcesRead.output(k3s, files), 0));
        return values;
    }

    private static FileState file(String content) {
        return content == null ? FileState.absent() : FileState.Present.text(content, "644", "root", "root");
    }

    private static String fileAfter(Plan plan, String path) {
        return plan.changeList().stream().filter(c -> c instanceof FileChange f && f.path().equals(path))
                .map(c -> ((FileState.Present) ((FileChange) c).after()).text()).findFirst().orElseThrow(
                        () -> new AssertionError("no change to " + path + " in " + plan));
    }

    /** As rollback orders them: the inverses of non-triggers in reverse, then each distinct trigger once. */
    private static List<String> rollback(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (!changes.get(i).trigger()) {
                out.add(changes.get(i).inverse().orElseThrow().describe());
            }
        }
        changes.stream().filter(Change::trigger).map(t -> t.inverse().orElseThrow().describe()).distinct().forEach(out::add);
        return out;
    }
}
