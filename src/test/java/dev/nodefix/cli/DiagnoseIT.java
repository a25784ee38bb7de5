package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.lab.LabExtension;
import dev.nodefix.report.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code nodefix diagnose} on real lab nodes: the shared "affected" lab, then one lab per other profile. */
@ExtendWith(LabExtension.class)
class DiagnoseIT {
    @Test
    void everyNodeOfTheAffectedLabIsAffected(Lab lab) throws Exception {
        Map<String, Object> root = json(new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json"));

        assertThat(root.get("verdict")).isEqualTo("affected");
        assertThat(map(root.get("remediation")).get("playbook")).isEqualTo("fix-vxlan-checksum");
        Map<String, Object> hosts = map(root.get("hosts"));
        assertThat(hosts).containsOnlyKeys(lab.names());
        for (String node : lab.names()) {
            assertThat(map(hosts.get(node)).get("verdict")).as(node).isEqualTo("affected");
            assertThat(codes(hosts, node)).as(node).contains("AFFECTED");
            Map<String, Object> legs = map(map(hosts.get(node)).get("legs"));
            Map<String, String> values = Map.of("vxlan", "yes", "offload", "yes", "kept_off", "no", "double_nat", "yes");
            values.forEach((leg, value) -> {
                Map<String, Object> l = map(legs.get(leg));
                assertThat(l.get("value")).as(node + " " + leg + ": " + l).isEqualTo(value);
                assertThat(l.get("settle")).as(node + " " + leg).isNull();
                ((List<?>) l.get("sources")).forEach(s -> assertThat(map(s)).as(node + " " + leg)
                        .containsEntry("view", "host").containsEntry("extent", "complete"));
            });
        }
    }

    @Test
    void probeMeasuresARealConnectFromEachNode(Lab lab) {
        CliRunner.Result r = new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--probe",
                "--target", "10.43.0.10:80");

        assertThat(r.exitCode()).as("affected: " + r).isEqualTo(ExitCode.AFFECTED);
        assertThat(r.out().lines().filter(l -> l.matches("\\s+\\[info] PROBE_CONNECT: TCP connect to 10\\.43\\.0\\.10:80"
                + " in \\d+\\.\\d ms"))).as(r.out()).hasSize(lab.size());
        assertThat(r.out()).doesNotContain("PROBE_STALL", "PROBE_FAILED");
    }

    @Test
    void capturedCollectorOutputGivesTheSameDiagnosisAsTheLiveRun(Lab lab, @TempDir Path dir) throws Exception {
        String script = new CliRunner().run("collect-script").out();
        for (String node : lab.names()) {
            Files.writeString(dir.resolve(node), lab.exec(node, "sh", "-c", script));
        }
        CliRunner.Result live = new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json");
        CliRunner.Result offline = new CliRunner().run("diagnose", "--from", dir.toString(), "--json");

        assertThat(offline.exitCode()).as(offline.toString()).isEqualTo(ExitCode.AFFECTED);
        assertThat(offline.out()).isEqualTo(live.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"kube-proxy-fixed, 3, 31, not-affected, NOT_AFFECTED",
            "offload-off-unpersisted, 3, 32, at-risk, AT_RISK",
            "host-gw, 3, 34, not-affected, NOT_AFFECTED",
            "not-l2-adjacent, 4, 33, , HOST_GW_IMPOSSIBLE"})
    void eachProfileGivesItsVerdict(String profile, int nodes, int net, String verdict, String code) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxd" + net, "nfxdbr" + (net - 31) * 2, "10.99." + net,
                repo.resolve("target/it-diag-" + profile));
        try (Lab lab = Lab.up(repo, nodes, profile, names)) {
            Map<String, Object> root = json(new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json"));
            Map<String, Object> hosts = map(root.get("hosts"));
            if (verdict != null) {
                assertThat(root.get("verdict")).as(root.toString()).isEqualTo(verdict);
                lab.names().forEach(n -> assertThat(codes(hosts, n)).as(n).contains(code));
            } else {
                assertThat(lab.names()).as(root.toString()).anyMatch(n -> codes(hosts, n).contains(code));
            }
        }
    }

    /** lab/profiles/mixed.sh: node 1 (server) affected, 2 offload off by hand, 3 kube-proxy fixed, 4 affected again. */
    @Test
    void theMixedProfileGivesEachNodeItsOwnVerdict() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxd35", "nfxdbr8", "10.99.35", repo.resolve("target/it-diag-mixed"));
        try (Lab lab = Lab.up(repo, 4, "mixed", names)) {
            Map<String, Object> root = json(new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json"));
            Map<String, Object> hosts = map(root.get("hosts"));
            List<String> node = lab.names();
            Map<String, String> expected = Map.of(node.get(0), "affected", node.get(1), "at-risk",
                    node.get(2), "not-affected", node.get(3), "affected");
            Map<String, String> codes = Map.of("affected", "AFFECTED", "at-risk", "AT_RISK",
                    "not-affected", "NOT_AFFECTED");

            assertThat(hosts).as(root.toString()).containsOnlyKeys(node);
            expected.forEach((host, verdict) -> {
                assertThat(map(hosts.get(host)).get("verdict")).as(host).isEqualTo(verdict);
                assertThat(codes(hosts, host)).as(host).contains(codes.get(verdict));
            });
            assertThat(root.get("verdict")).isEqualTo("affected");
            Map<String, Object> remediation = map(root.get("remediation"));
            assertThat(remediation.get("playbook")).isEqualTo("fix-vxlan-checksum");
            assertThat(remediation.get("hosts")).as("the affected and at-risk hosts")
                    .isEqualTo(List.of(node.get(0), node.get(1), node.get(3)));
        }
    }

    private static List<Object> codes(Map<String, Object> hosts, String node) {
        return ((List<?>) map(hosts.get(node)).get("findings")).stream().map(f -> map(f).get("code")).toList();
    }

    /** The JSON document; the exit code must be the one of its verdict (0, 10, 11, 12). */
    private static Map<String, Object> json(CliRunner.Result r) throws Exception {
        Map<String, Object> root = JSON.std.mapFrom(r.out());
        Map<String, Integer> exits = Map.of("not-affected", ExitCode.OK, "affected", ExitCode.AFFECTED,
                "at-risk", ExitCode.AT_RISK, "unknown", ExitCode.UNKNOWN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exits.get(String.valueOf(root.get("verdict"))));
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
