package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.fact.CollectorOutput;
import dev.nodefix.lab.Lab;
import dev.nodefix.report.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code nodefix diagnose} live over SSH where the host's default iptables does not show the whole story:
 * kube-proxy's rules in the other table set (lab/profiles/other-backend.sh), and a host iptables too old to print
 * {@code --random-fully} (lab/profiles/old-iptables.sh); and the other profiles keep their verdicts, read with no
 * extra iptables listing.
 */
class IptablesBackendsIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Lab.LabNames B = new Lab.LabNames("nfxb", "nfxbbr0", "10.99.60", REPO.resolve("target/it-lab-nfxb"));
    private static final Lab.LabNames O = new Lab.LabNames("nfxo", "nfxobr0", "10.99.61", REPO.resolve("target/it-lab-nfxo"));
    private static final String K3S_LEGACY_SAVE = "/var/lib/rancher/k3s/data/current/bin/aux/iptables-legacy-save -t nat";

    @Test
    void rulesInTheOtherBackendAreFoundAndTheNodeIsAffected() throws Exception {
        try (Lab lab = Lab.up(REPO, 2, "other-backend", B)) {
            for (String node : lab.names()) {
                assertThat(lab.exec(node, "iptables-save", "-t", "nat")).as("the default listing hides them")
                        .doesNotContain("KUBE-POSTROUTING").contains("iptables-legacy tables present");
            }
            Map<String, Object> root = json(new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json"));

            assertThat(root.get("verdict")).as(root.toString()).isEqualTo("affected");
            Map<String, Object> hosts = map(root.get("hosts"));
            for (String node : lab.names()) {
                Map<String, Object> affected = finding(hosts, node, "AFFECTED");
                assertThat(String.valueOf(affected.get("message"))).contains("in the iptables legacy tables");
                Map<String, Object> placement = finding(hosts, node, "IPTABLES_OTHER_BACKEND");
                assertThat(String.valueOf(placement.get("message"))).contains("KUBE-POSTROUTING", "legacy", "nf_tables");
                assertThat((List<?>) placement.get("evidence")).anySatisfy(e -> assertThat(String.valueOf(e))
                        .contains("iptables-legacy-save -t nat"));
            }
        }
    }

    @Test
    void anIptablesTooOldToPrintRandomFullyLeavesTheNodeUnknownNamingTheSettlingCommand() throws Exception {
        try (Lab lab = Lab.up(REPO, 2, "old-iptables", O)) {
            for (String node : lab.names()) {
                assertThat(lab.exec(node, "iptables", "--version")).contains("v1.6.1");
                assertThat(lab.exec(node, "iptables-save", "-t", "nat")).contains("v1.6.1", "KUBE-POSTROUTING")
                        .doesNotContain("random-fully");
                assertThat(lab.exec(node, "iptables-legacy-save", "-t", "nat")).contains("--random-fully");
            }
            Map<String, Object> root = json(new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json"));

            assertThat(root.get("verdict")).as(root.toString()).isEqualTo("unknown");
            Map<String, Object> hosts = map(root.get("hosts"));
            for (String node : lab.names()) {
                assertThat(map(hosts.get(node)).get("verdict")).as(node).isEqualTo("unknown");
                Map<String, Object> undetermined = finding(hosts, node, "UNDETERMINED");
                assertThat(String.valueOf(undetermined.get("settle"))).as(node).isEqualTo("[" + K3S_LEGACY_SAVE + "]");
                assertThat((List<?>) undetermined.get("evidence")).as(node).anySatisfy(e -> assertThat(String.valueOf(e))
                        .endsWith("would settle it: `" + K3S_LEGACY_SAVE + "`"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"affected, affected", "kube-proxy-fixed, not-affected", "offload-off-unpersisted, at-risk",
            "host-gw, not-affected", "mixed, affected"})
    void theOtherProfilesKeepTheirVerdictsWithNoExtraListing(String profile, String verdict) throws Exception {
        try (Lab lab = Lab.up(REPO, 3, profile, B)) {
            Map<String, Object> root = json(new CliRunner().run("diagnose", "-i", lab.inventory().toString(), "--json"));

            assertThat(root.get("verdict")).as(root.toString()).isEqualTo(verdict);
            String script = new CliRunner().run("collect-script").out();
            CollectorOutput out = CollectorOutput.split(lab.exec(lab.names().get(0), "sh", "-c", script));
            assertThat(out.sections()).as(profile).containsKey("iptables-nat")
                    .doesNotContainKeys("iptables-nat-legacy", "iptables-nat-nft", "iptables-nat-k3s");
        }
    }

    private static Map<String, Object> finding(Map<String, Object> hosts, String node, String code) {
        return ((List<?>) map(hosts.get(node)).get("findings")).stream().map(IptablesBackendsIT::map)
                .filter(f -> code.equals(f.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError(node + " has no " + code + ": " + hosts.get(node)));
    }

    private static Map<String, Object> json(CliRunner.Result r) throws Exception {
        Map<String, Object> root = JSON.std.mapFrom(r.out());
        Map<String, Integer> exits = Map.of("not-affected", ExitCode.OK, "affected", ExitCode.AFFECTED,
                "at-risk", ExitCode.AT_RISK, "unknown", ExitCode.UNKNOWN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exits.get(String.valueOf(root.get("verdict"))));
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
