package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.FactsJson;
import dev.nodefix.report.FactsTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts without facts in the table and the JSON; rows sorted by host. */
class FactsReportTest {
    private final List<HostFacts> results = List.of(
            new HostFacts.NotCollected("node-b", "unreachable", "connection refused"),
            new HostFacts.Collected("node-a", NodeFacts.parse("")));

    @Test
    void tableSaysWhyAHostHasNoFactsAndShowsUnknownsAsDashes() {
        StringWriter out = new StringWriter();
        new FactsTable().print(new PrintWriter(out), results);

        assertThat(out.toString().lines().toList()).containsExactly(
                "HOST    ROLE     KERNEL  IPTABLES  BACKEND  TX-CSUM-OFFLOAD  KUBE-POSTROUTING  PERSISTED",
                "node-a  unknown  -       -         -        -                unknown           ?",
                "node-b  UNREACHABLE: connection refused",
                "",
                "FLANNEL SETTINGS (as k3s reads its unit, drop-ins, env files and config files; FILE:LINE in force)",
                "node-a  flannel-backend, flannel-iface, flannel-external-ip, flannel-ipv6-masq, flannel-conf: ? (the"
                        + " command line cannot be told: the k3s units were not collected)");
    }

    @Test
    void tableShowsEachFlannelSettingInForceWithItsLineAndWhatItOverrides(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        write(root, "etc/systemd/system/k3s.service", "[Service]\nType=notify\nExecStart=/usr/local/bin/k3s server\n");
        write(root, "etc/systemd/system/k3s.service.d/override.conf",
                "[Service]\nExecStart=\nExecStart=/usr/local/bin/k3s server --flannel-iface=eth1\n");
        write(root, "etc/rancher/k3s/config.yaml", "flannel-backend: vxlan\n");
        write(root, "etc/rancher/k3s/config.yaml.d/50-net.yaml", "flannel-backend: host-gw\nflannel-ipv6-masq: yes\n");
        String raw = K3sLayoutCasesTest.collect(tmp, root, false).replace(root.toString(), "");
        StringWriter out = new StringWriter();

        new FactsTable().print(new PrintWriter(out), List.of(new HostFacts.Collected("n1", NodeFacts.parse(raw))));

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.subList(lines.indexOf("") + 1, lines.size())).containsExactly(
                "FLANNEL SETTINGS (as k3s reads its unit, drop-ins, env files and config files; FILE:LINE in force)",
                "n1  flannel-backend: host-gw (/etc/rancher/k3s/config.yaml.d/50-net.yaml:1); over vxlan at"
                        + " /etc/rancher/k3s/config.yaml:1",
                "    flannel-iface: eth1 (/etc/systemd/system/k3s.service.d/override.conf:3)",
                "    flannel-ipv6-masq: true (/etc/rancher/k3s/config.yaml.d/50-net.yaml:2)");
        assertThat(new FactsJson().render(List.of(new HostFacts.Collected("n1", NodeFacts.parse(raw)))))
                .contains("\"file\" : \"/etc/rancher/k3s/config.yaml.d/50-net.yaml\",\n"
                        + "                \"line\" : 1,");
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void jsonCarriesTheStatusAndMessage() {
        String json = new FactsJson().render(results);

        assertThat(json).contains("\"node-b\" : {\n      \"status\" : \"unreachable\",\n      \"facts\" : null,\n      \"message\" : \"connection refused\"")
                .contains("\"release\" : null");
        assertThat(json.indexOf("node-a")).isLessThan(json.indexOf("node-b"));
    }
}
