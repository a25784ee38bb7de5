package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** All facts from whole collector outputs captured in the lab ({@code facts/_captured}; one older collector output). */
class NodeFactsTest {
    @Test
    void theAffectedLabServer() throws IOException {
        NodeFacts f = NodeFacts.parse(captured("affected-server"));

        assertThat(f.k3s().role()).isEqualTo(K3sUnits.Role.SERVER);
        assertThat(f.k3s().active()).isTrue();
        assertThat(f.backend().effective()).contains("vxlan");
        assertThat(f.vxlan().vni()).contains(1);
        assertThat(f.offload().txChecksumIpGeneric()).contains(new EthtoolFeatures.Feature(true, false));
        assertThat(f.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.UNFIXED);
        assertThat(f.kubePostrouting().randomFully()).contains(true);
        assertThat(f.randomFully().support()).isEqualTo(RandomFullySupport.Support.SUPPORTED);
        assertThat(f.k3sIptables().mode()).isEqualTo(IptablesVersion.Mode.ABSENT);
        assertThat(f.persistence().installed()).isFalse();
        assertThat(f.udp().inCsumErrors()).contains(0L);
        assertThat(f.peerRoutes().nodeIp()).isEqualTo("10.99.75.11");
        assertThat(f.peerRoutes().peers()).extracting(PeerRoutes.PeerRoute::peer).containsExactly("10.99.75.12", "10.99.75.13");
        assertThat(f.peerRoutes().allOnLink()).isTrue();
    }

    @Test
    void aFixedKubeProxyAgent() throws IOException {
        NodeFacts f = NodeFacts.parse(captured("fixed-agent"));

        assertThat(f.k3s().role()).isEqualTo(K3sUnits.Role.AGENT);
        assertThat(f.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.FIXED);
    }

    @Test
    void flannelGuardOrderOffloadOffAndAUdevRule() throws IOException {
        NodeFacts f = NodeFacts.parse(captured("guarded-persisted-agent"));

        // iptables warns "iptables-legacy tables present": today's collector lists the legacy nat table too (empty
        // here), so the guard it shows is the node's whole view
        assertThat(f.flannelPostrtg().guard()).isEqualTo(FlannelPostrtg.Guard.PRESENT);
        assertThat(f.flannelPostrtg().rules()).contains(
                "-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment \"flanneld masq\" -j RETURN");
        assertThat(f.iptablesBackends().legacyUnread()).isFalse();
        assertThat(f.postrouting().flannelFirst()).contains(true);
        assertThat(f.offload().txChecksumIpGeneric()).contains(new EthtoolFeatures.Feature(false, false));
        assertThat(f.persistence().udevRules()).containsExactly("/etc/udev/rules.d/90-flannel.rules");
        assertThat(f.persistence().installed()).isTrue();
    }

    @Test
    void theSameNodeAsAnOlderCollectorPrintedItLeavesTheLegacyTablesUnread() throws IOException {
        NodeFacts f = NodeFacts.parse(olderCollector("guarded-persisted-agent"));

        // its listings warn "iptables-legacy tables present" and that older capture read no legacy table: the guard
        // it shows is one table set's; an unguarded chain in the other would be live too
        assertThat(f.flannelPostrtg().guard()).isEqualTo(FlannelPostrtg.Guard.UNREADABLE);
        assertThat(f.flannelPostrtg().rules()).contains(
                "-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment \"flanneld masq\" -j RETURN");
        assertThat(f.iptablesBackends().legacyUnread()).isTrue();
        assertThat(f.iptablesBackends().settle()).contains("iptables-legacy-save -t nat");
        assertThat(f.postrouting().flannelFirst()).contains(true);
        assertThat(f.persistence().installed()).isTrue();
    }

    @Test
    void aNodeBehindARouterHasNoOnLinkPeers() throws IOException {
        NodeFacts f = NodeFacts.parse(captured("routed-agent")); // lab profile not-l2-adjacent, node 3

        assertThat(f.peerRoutes().nodeIp()).isEqualTo("10.99.175.13");
        assertThat(f.peerRoutes().peers()).containsExactly(
                new PeerRoutes.PeerRoute("10.99.75.11", false, java.util.Optional.of("10.99.175.254"), "eth0"),
                new PeerRoutes.PeerRoute("10.99.75.12", false, java.util.Optional.of("10.99.175.254"), "eth0"));
        assertThat(f.peerRoutes().allOnLink()).isFalse();
        assertThat(f.vxlan().local()).contains("10.99.175.13");
    }

    @Test
    void aHostGwAgentHasNoFlannelDevice() throws IOException {
        NodeFacts f = NodeFacts.parse(captured("hostgw-agent")); // lab profile host-gw, node 2

        assertThat(f.backend().effective()).contains("host-gw");
        assertThat(f.vxlan().exists()).isFalse();
        assertThat(f.peerRoutes().allOnLink()).isTrue();
        assertThat(f.peerRoutes().nodeIp()).isEqualTo("10.99.75.12");
    }

    @Test
    void truncatedOutputGivesUnknownsNotErrors() throws IOException {
        NodeFacts f = NodeFacts.parse(captured("truncated"));

        assertThat(f.kernel().release()).isPresent();
        assertThat(f.kubePostrouting().form()).isEqualTo(KubePostrouting.Form.UNFIXED);
        assertThat(f.vxlan().exists()).isFalse(); // cut in the middle of its section
        assertThat(f.offload().available()).isFalse();
        assertThat(f.k3s().role()).isEqualTo(K3sUnits.Role.UNKNOWN);
        assertThat(f.peerRoutes().present()).isFalse();
    }

    static String captured(String name) throws IOException {
        return resource("/facts/_captured/" + name);
    }

    /** The same lab node as an older collector printed it ({@code facts/_captured-older-collector}). */
    static String olderCollector(String name) throws IOException {
        return resource("/facts/_captured-older-collector/" + name);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = NodeFactsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
