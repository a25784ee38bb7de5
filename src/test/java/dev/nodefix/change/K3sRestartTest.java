package dev.nodefix.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.journal.ChangeCodec;
import dev.nodefix.transport.Command;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K3sRestartTest {
    private static final K3sRestart SWITCH = new K3sRestart("k3s.service", "vxlan", "host-gw", Duration.ofSeconds(90));

    @Test
    void commandIsAConstantScriptWithTheValuesAsPositionalArguments() {
        Command command = SWITCH.command();
        List<String> argv = command.argv();
        assertThat(argv.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(argv.subList(3, argv.size())).containsExactly("nodefix-k3s-restart", "k3s.service", "vxlan",
                "host-gw", "900", K3sRestart.NET_CONF);
        String script = argv.get(2);
        assertThat(script).doesNotContain("k3s.service", "host-gw\"", "900")
                .contains("systemctl restart -- \"$u\"", "systemctl is-active", "ip link del dev \"$d\"",
                        "ip route del \"$dst\" via \"$gw\" dev \"$dev\"");
        assertThat(new K3sRestart("k3s.service", "host-gw", "vxlan", Duration.ofSeconds(5)).command().argv().get(2))
                .isEqualTo(script);
        assertThat(command.timeout()).contains(Duration.ofSeconds(120));
        assertThat(command.stdin()).isEmpty();
    }

    @Test
    void inverseSwitchesBackAndIsATrigger() {
        assertThat(SWITCH.trigger()).isTrue();
        assertThat(SWITCH.inverse()).contains(new K3sRestart("k3s.service", "host-gw", "vxlan", Duration.ofSeconds(90)));
        assertThat(SWITCH.inverse().flatMap(Change::inverse)).contains(SWITCH);
        assertThat(SWITCH.kind()).isEqualTo("k3s-restart");
        assertThat(SWITCH.observes()).isEmpty();
    }

    @Test
    void describeNamesTheCleanupAndTheVerification() {
        assertThat(SWITCH.describe()).isEqualTo("restart k3s.service: flannel backend vxlan -> host-gw,"
                + " remove stale flannel.1 and its routes, verify net-conf.json Type host-gw");
        assertThat(SWITCH.inverse().orElseThrow().describe()).isEqualTo("restart k3s.service: flannel backend"
                + " host-gw -> vxlan, remove stale host-gw routes, verify net-conf.json Type vxlan");
        assertThat(new K3sRestart("k3s.service", "wireguard-native", "none", Duration.ZERO).describe())
                .isEqualTo("restart k3s.service: flannel backend wireguard-native -> none, remove stale flannel-wg and its routes");
        assertThat(new K3sRestart("k3s.service", "none", "wireguard-native", Duration.ZERO).describe())
                .isEqualTo("restart k3s.service: flannel backend none -> wireguard-native, verify net-conf.json Type wireguard");
        assertThat(SWITCH.diff()).contains("-flannel backend: vxlan\n+flannel backend: host-gw");
    }

    @Test
    void journalRoundTrip() {
        Map<String, Object> encoded = ChangeCodec.encode(SWITCH);
        assertThat(encoded).containsEntry("kind", "k3s-restart").containsEntry("unit", "k3s.service")
                .containsEntry("from", "vxlan").containsEntry("to", "host-gw").containsEntry("timeout_ms", 90_000L);
        assertThat(ChangeCodec.decode(encoded)).isEqualTo(SWITCH);
        Map<String, Object> fromJson = Map.of("kind", "k3s-restart", "unit", "k3s.service", "from", "host-gw",
                "to", "wireguard-native", "timeout_ms", 5000);
        assertThat(ChangeCodec.decode(fromJson))
                .isEqualTo(new K3sRestart("k3s.service", "host-gw", "wireguard-native", Duration.ofSeconds(5)));
    }

    @Test
    void refusesValuesThatAreNotUnitsOrBackends() {
        assertThatThrownBy(() -> new K3sRestart("k3s.service; reboot", "vxlan", "host-gw", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new K3sRestart("k3s.service", "vxlan", "$(reboot)", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new K3sRestart("k3s.service", "vxlan", "host-gw", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(SWITCH).map(K3sRestart::unit)).contains("k3s.service");
    }

    /** The script run by a real /bin/sh with stand-ins for systemctl and ip that log their arguments. */
    @Test
    void scriptRestartsVerifiesThenCleansUp(@TempDir Path tmp) throws Exception {
        stubs(tmp, "active");
        Files.writeString(tmp.resolve("net-conf.json"), "{\n\t\"Network\": \"10.42.0.0/16\",\n\t\"Backend\": {\n\t\"Type\": \"host-gw\"\n}\n}\n");
        assertThat(run(tmp, SWITCH)).isEqualTo("0\nsystemctl restart -- k3s.service\nsystemctl is-active -- k3s.service\n"
                + "ip link show dev flannel.1\nip link del dev flannel.1\nip link show dev flannel-v6.1\n");
        Files.writeString(tmp.resolve("net-conf.json"), "{\"Network\": \"10.42.0.0/16\", \"Backend\": {\"Type\": \"vxlan\"}}\n");
        assertThat(run(tmp, (K3sRestart) SWITCH.inverse().orElseThrow())).isEqualTo("0\nsystemctl restart -- k3s.service\n"
                + "systemctl is-active -- k3s.service\nip -4 route show root 10.42.0.0/16\n"
                + "ip route del 10.42.1.0/24 via 192.168.56.12 dev eth0\n");
    }

    @Test
    void scriptFailsAndCleansNothingWhenTheBackendIsNotVerified(@TempDir Path tmp) throws Exception {
        stubs(tmp, "active");
        Files.writeString(tmp.resolve("net-conf.json"), "{\"Backend\": {\"Type\": \"vxlan\"}}\n");
        K3sRestart quick = new K3sRestart("k3s.service", "vxlan", "host-gw", Duration.ofMillis(300));
        assertThat(run(tmp, quick)).isEqualTo("1\nsystemctl restart -- k3s.service\nsystemctl is-active -- k3s.service\n");
        stubs(tmp, "failed");
        assertThat(run(tmp, quick)).startsWith("1\n").doesNotContain("ip ");
    }

    private static void stubs(Path tmp, String active) throws Exception {
        stub(tmp, "systemctl", "case $1 in is-active) echo " + active + " ;; esac");
        stub(tmp, "ip", "case \"$*\" in\n"
                + "  'link show dev flannel.1') exit 0 ;;\n  'link show dev'*) exit 1 ;;\n"
                + "  '-4 route show root 10.42.0.0/16') printf '%s\\n' '10.42.0.0/24 dev cni0 proto kernel scope link'"
                + " '10.42.1.0/24 via 192.168.56.12 dev eth0' '10.42.2.0/24 via 10.42.2.0 dev flannel.1 onlink' ;;\nesac");
    }

    private static void stub(Path tmp, String name, String body) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\necho \"" + name + " $*\" >> \"" + tmp.resolve("log") + "\"\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The exit code, then the stubs' log. */
    private static String run(Path tmp, K3sRestart change) throws Exception {
        Files.deleteIfExists(tmp.resolve("log"));
        List<String> argv = new ArrayList<>(change.command().argv());
        argv.set(argv.size() - 1, tmp.resolve("net-conf.json").toString());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("PATH", tmp + ":/usr/bin:/bin");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        int rc = p.waitFor();
        Path log = tmp.resolve("log");
        return rc + "\n" + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
    }
}
