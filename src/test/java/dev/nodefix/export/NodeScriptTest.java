package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.expr.Expressions;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.PlaybookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped fix playbook compiled to a node script (pinned), and the tasks a node script cannot run refused. */
class NodeScriptTest {
    static final String RUN = "20261202T170000Z-5c0e";
    private final Expressions expressions = new Expressions();
    private final NodeScript script = new NodeScript(BuiltinModules.registry(expressions), expressions);

    static String fixScript() {
        Expressions e = new Expressions();
        Playbook book = new PlaybookLoader(BuiltinModules.registry(e), e).load(Path.of("playbooks/fix-vxlan-checksum.yaml"), Map.of());
        return new NodeScript(BuiltinModules.registry(e), e).compile(book, Map.of(), RUN);
    }

    @Test
    void theFixPlaybookCompilesToThePinnedScript() throws IOException {
        Golden.check("export/fix-vxlan-checksum.node.sh", fixScript());
    }

    @Test
    void aPlaybookThatSwitchesTheBackendIsRefusedAtItsPreflightTask() {
        assertThatThrownBy(() -> compile(Path.of("playbooks/switch-backend-host-gw.yaml"), Map.of()))
                .isInstanceOf(ExportException.class)
                .hasMessageMatching("playbooks/switch-backend-host-gw.yaml:\\d+:\\d+: .*");
    }

    @Test
    void aProbeTargetMakesTheProbeTaskRefusedWithItsPlace() {
        assertThatThrownBy(() -> compile(Path.of("playbooks/fix-vxlan-checksum.yaml"), Map.of("probe_target", "10.43.0.10:80")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("playbooks/fix-vxlan-checksum.yaml:")
                .hasMessageContaining("module probe runs from the controller");
    }

    @Test
    void aConditionOverAFactTheNodeCannotReadIsRefused(@TempDir Path dir) throws IOException {
        Path book = dir.resolve("b.yaml");
        Files.writeString(book, "- hosts: all\n  tasks:\n    - name: t\n      ethtool: {iface: flannel.1, features: {tso: off}}\n"
                + "      when: facts.k3s.role == 'server'\n");
        assertThatThrownBy(() -> compile(book, Map.of())).isInstanceOf(ExportException.class)
                .hasMessageContaining("b.yaml:3:").hasMessageContaining("facts.k3s has no reading in the node script");
    }

    @Test
    void aConditionOverVariablesOnlyIsDecidedWhenExporting(@TempDir Path dir) throws IOException {
        Path book = dir.resolve("b.yaml");
        Files.writeString(book, "- hosts: all\n  vars: {go: false}\n  tasks:\n    - name: t\n"
                + "      ethtool: {iface: flannel.1, features: {tso: off}}\n      when: go\n");
        String sh = compile(book, Map.of());
        assertThat(sh).contains("nf_task_1() { nf_skip 'when: go is false'; }").doesNotContain("nf_apply_1");
        assertThat(compile(book, Map.of("go", true))).contains("nf_apply_1()").doesNotContain("when: go");
    }

    @Test
    void aNewlineInThePlaybooksPathOrPlaceCannotStartACommand(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("x\rtouch pwned-dir"));
        Path book = sub.resolve("b\ntouch pwned\n.yaml");
        Files.writeString(book, "- hosts: all\n  vars: {go: false}\n  tasks:\n    - name: t\n"
                + "      ethtool: {iface: flannel.1, features: {tso: off}}\n    - name: u\n"
                + "      ethtool: {iface: flannel.1, features: {tso: off}}\n      when: go\n");
        String sh = compile(book, Map.of());
        assertThat(sh.lines().filter(l -> l.startsWith("touch"))).isEmpty();
        assertThat(sh).contains("# nodefix node script: b?touch pwned?.yaml as run ")
                .contains("x?touch pwned-dir/b?touch pwned?.yaml:4:");
        assertThat(NodeScript.comment("a\rb\u2028c\u202ed\te")).isEqualTo("a?b?c?d?e");
    }

    @Test
    void aFeatureIsReadHoweverTheConditionNamesIt(@TempDir Path dir) throws IOException {
        Path book = dir.resolve("b.yaml");
        Files.writeString(book, "- hosts: all\n  tasks:\n    - name: t\n      assert:\n        that:\n"
                + "          - \"facts.offload.features['highdma'].on\"\n          - facts.offload.features[feature].fixed\n"
                + "          - facts.offload.features.rx_gro.on\n");
        String sh = compile(book, Map.of("feature", "tx_udp"));
        assertThat(sh).contains("'^[[:space:]]*highdma: on'").contains("'^[[:space:]]*tx_udp: .*\\[fixed\\]'")
                .contains("'^[[:space:]]*rx_gro: on'");
    }

    private String compile(Path file, Map<String, Object> extraVars) {
        Playbook book = new PlaybookLoader(BuiltinModules.registry(expressions), expressions).load(file, extraVars);
        return script.compile(book, extraVars, RUN);
    }
}
