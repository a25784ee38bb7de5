package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the flannel backend may be taken as k3s's default: only when every place was read whole and is silent. */
class BackendSourceTest {
    private static final Section UNIT = Section.ran("k3s-units", 0,
            List.of("# file: /etc/systemd/system/k3s.service", "ExecStart=/usr/local/bin/k3s server"));

    @Test
    void everyPlaceReadAndSilentIsTheDefault() {
        FlannelBackend b = FlannelBackend.from(out(Section.ran("k3s-config-d", 0, List.of())));

        assertThat(b.effective()).hasValue("vxlan");
        assertThat(b.defaulted()).isTrue();
    }

    @Test
    void anUnreadableDropInIsNotSilent() {
        Section dropIns = Section.ran("k3s-config-d", 1,
                List.of("# unreadable: /etc/rancher/k3s/config.yaml.d/50-net.yaml"));

        FlannelBackend b = FlannelBackend.from(out(dropIns));

        assertThat(b.effective()).isEmpty();
        assertThat(b.source().lines()).anyMatch(l -> l.contains("50-net.yaml could not be read"));
    }

    @Test
    void aDropInThatSetsTheBackendIsNotSilent() {
        Section dropIns = Section.ran("k3s-config-d", 0,
                List.of("# file: /etc/rancher/k3s/config.yaml.d/50-net.yaml", "flannel-backend: host-gw"));

        FlannelBackend b = FlannelBackend.from(out(dropIns));

        assertThat(b.effective()).hasValue("host-gw");
        assertThat(b.source().lines()).containsExactly(
                "/etc/rancher/k3s/config.yaml.d/50-net.yaml:1: flannel-backend host-gw");
    }

    private static CollectorOutput out(Section dropIns) {
        return new CollectorOutput(Map.of("net-conf", Section.absent("net-conf"), "k3s-config",
                Section.ran("k3s-config", 0, List.of("node-ip: 10.99.3.11")), "k3s-config-d", dropIns,
                "k3s-units", UNIT, "k3s-env", Section.ran("k3s-env", 0, List.of())));
    }
}
