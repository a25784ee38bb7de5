package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.lab.Lab;
import dev.nodefix.lab.LabExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix facts} on the 3-node "affected" lab, live over SSH and from captured collector output. */
@ExtendWith(LabExtension.class)
class FactsIT {
    @Test
    void reportsTheAffectedLabAsVxlanOffloadOnAndUnfixedKubeProxy(Lab lab) throws Exception {
        CliRunner.Result r = new CliRunner().run("facts", "-i", lab.inventory().toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> hosts = map(JSON.std.mapFrom(r.out()).get("hosts"));
        assertThat(hosts).containsOnlyKeys(lab.names());
        for (String node : lab.names()) {
            Map<String, Object> facts = map(map(hosts.get(node)).get("facts"));
            assertThat(map(facts.get("backend")).get("effective")).as(node).isEqualTo("vxlan");
            Map<String, Object> offload = map(map(facts.get("offload")).get("features"));
            assertThat(map(offload.get("tx-checksum-ip-generic")).get("on")).as(node).isEqualTo(true);
            assertThat(map(facts.get("kube_postrouting"))).as(node)
                    .containsEntry("form", "unfixed").containsEntry("random_fully", true);
            String role = node.equals(lab.names().get(0)) ? "server" : "agent";
            assertThat(map(facts.get("k3s"))).as(node).containsEntry("role", role).containsEntry("active", true);
            // the kernel log is read (root on the node), or the UDP checksum error counter says it holds nothing:
            // a symptom can be told, whatever it shows
            assertThat(map(facts.get("kernel_log")).get("source")).as(node)
                    .isIn("dmesg -l debug", "dmesg", "journalctl -k", "/proc/net/snmp (Udp InCsumErrors 0)");
            assertThat(map(facts.get("kernel_log")).get("bad_checksum")).as(node).isNotEqualTo("cannot_tell");
        }
    }

    @Test
    void theTableHasOneRowPerHost(Lab lab) {
        CliRunner.Result r = new CliRunner().run("facts", "-i", lab.inventory().toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("HOST").contains(lab.names().get(0) + "  server");
        assertThat(r.out().lines().filter(l -> l.contains("vxlan") && l.contains("unfixed (random-fully)")))
                .hasSize(lab.size());
    }

    @Test
    void capturedCollectorOutputGivesTheSameFactsAsTheLiveRun(Lab lab, @TempDir Path dir) throws Exception {
        String script = new CliRunner().run("collect-script").out();
        java.util.Map<String, String> addresses = new java.util.LinkedHashMap<>();
        new dev.nodefix.inventory.InventoryParser().parse(lab.inventory()).hosts()
                .forEach((name, host) -> addresses.put(name, host.connection().address()));
        for (String node : lab.names()) {
            // as an operator would run it by hand: the script, then the other nodes' addresses as its arguments
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("sh", "-c", script, "collector"));
            addresses.forEach((name, address) -> {
                if (!name.equals(node)) {
                    command.add(address);
                }
            });
            Files.writeString(dir.resolve(node), lab.exec(node, command.toArray(String[]::new)));
        }

        CliRunner.Result live = new CliRunner().run("facts", "-i", lab.inventory().toString(), "--json");
        CliRunner.Result offline = new CliRunner().run("facts", "--from", dir.toString(), "--json");

        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.out()).isEqualTo(live.out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
