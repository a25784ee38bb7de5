package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The collector itself: a command that feeds it to {@code /bin/sh -s}, and a run on this machine that frames every section. */
class CollectorScriptTest {
    static final List<String> SECTIONS = List.of("kernel", "os-release", "iptables-version", "iptables-k3s-version",
            "kube-postrouting", "kube-mark-masq", "flannel-postrtg", "postrouting", "masquerade-help", "vxlan-device",
            "ethtool-features", "uplink-driver", "net-conf", "k3s-config", "k3s-units", "k3s-env", "subnet-env",
            "k3s-version", "services", "persistence", "peer-routes", "udp-snmp");

    @Test
    void theCommandIsShReadingTheScriptOnStdin() {
        CollectorScript script = CollectorScript.load();

        assertThat(script.command().argv()).containsExactly("/bin/sh", "-s");
        assertThat(script.command().stdin()).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(script.text()));
    }

    @Test
    void thePeersAreTheOtherHostsAddressesAsArguments() {
        Host a = host("a", "10.99.0.11");
        Host b = host("b", "10.99.0.12");
        Host c = host("c", "10.99.0.13");
        Host alias = host("a-again", "10.99.0.11");
        Host named = host("d", "node-d.example");

        assertThat(CollectorScript.load().command(List.of(a, b, c, alias, named), a).argv())
                .containsExactly("/bin/sh", "-s", "--", "10.99.0.12", "10.99.0.13");
        assertThat(CollectorScript.load().command(List.of(a), a).argv()).containsExactly("/bin/sh", "-s");
        assertThat(CollectorScript.load().command(List.of("fe80::1", "x;reboot", "10.0.0.1")).argv())
                .containsExactly("/bin/sh", "-s", "--", "fe80::1", "10.0.0.1");
    }

    @Test
    void peerRoutesFromARunHere() throws Exception {
        NodeFacts facts = NodeFacts.parse(run("127.0.0.1", "127.0.0.2", "not;an-ip"));

        assertThat(facts.peerRoutes().present()).isTrue();
        assertThat(facts.peerRoutes().peers()).isEmpty(); // loopback addresses are the node itself: left out
    }

    private static Host host(String name, String address) {
        return new Host(name, Map.of(), List.of(), Connection.to(address), Role.UNKNOWN);
    }

    private static String run(String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("/bin/sh", "-s", "--"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void aRunHereFramesEverySectionAndNeverAborts() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-s").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(CollectorScript.load().text().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        CollectorOutput sections = CollectorOutput.split(out);
        assertThat(sections.sections()).as(out).containsOnlyKeys(SECTIONS);
        assertThat(p.exitValue()).isZero();
    }
}
