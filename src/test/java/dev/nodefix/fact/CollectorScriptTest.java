package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The collector itself: a command that feeds it to {@code /bin/sh -s}, and a run on this machine that frames every section. */
class CollectorScriptTest {
    static final List<String> SECTIONS = List.of("kernel", "os-release", "iptables-version", "iptables-k3s-version",
            "kube-postrouting", "kube-mark-masq", "flannel-postrtg", "postrouting", "masquerade-help", "vxlan-device",
            "ethtool-features", "uplink-driver", "net-conf", "k3s-config", "k3s-units", "k3s-env", "subnet-env",
            "k3s-version", "services", "persistence", "udp-snmp");

    @Test
    void theCommandIsShReadingTheScriptOnStdin() {
        CollectorScript script = CollectorScript.load();

        assertThat(script.command().argv()).containsExactly("/bin/sh", "-s");
        assertThat(script.command().stdin()).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(script.text()));
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
