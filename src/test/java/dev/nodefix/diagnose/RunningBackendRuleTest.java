package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packet-filter finding says what the NAT path reads: the journal's modes outweigh the configuration, and a
 * listed nftables ruleset outweighs the journal.
 */
class RunningBackendRuleTest {
    private static final String NFT_PROXIER =
            "I0529 00:59:34.604887       1 server_linux.go:253] \"Using nftables Proxier\"";
    private static final String IPTABLES_PROXIER =
            "I0512 23:40:17.349774       1 server_others.go:213] Using iptables Proxier.";

    @Test
    void theJournalsNftablesProxierOutweighsProxyModeIptables() {
        NodeFacts f = facts(section("k3s-config", "kube-proxy-arg: proxy-mode=iptables")
                + section("k3s-journal", NFT_PROXIER));

        assertThat(f.nft().kubeProxyInNftables()).isEqualTo(Observed.YES);
        assertThat(modes(f)).isEqualTo("the log shows kube-proxy in nftables mode: their masquerade rules are in"
                + " nftables (nft list ruleset), not only in iptables");
    }

    @Test
    void theJournalsIptablesProxierOutweighsProxyModeNftables() {
        NodeFacts f = facts(section("k3s-config", "kube-proxy-arg: proxy-mode=nftables")
                + section("k3s-journal", IPTABLES_PROXIER));

        assertThat(f.nft().kubeProxyInNftables()).isEqualTo(Observed.NO);
        assertThat(modes(f)).isEqualTo("the log shows kube-proxy in iptables mode: their masquerade rules are in"
                + " iptables");
    }

    @Test
    void aWholeRulesetWithoutKubeProxysTableOutweighsTheJournal() {
        NodeFacts f = facts(section("k3s-journal", NFT_PROXIER)
                + section("nft", "# nft list ruleset\ntable ip filter {\n}"));

        assertThat(f.nft().kubeProxyInNftables()).isEqualTo(Observed.NO);
        assertThat(modes(f)).isEqualTo("the log shows kube-proxy in nftables mode: their masquerade rules are in"
                + " iptables (the nft ruleset read has no kube-proxy table: it runs otherwise now than the log shows)");
    }

    private static String modes(NodeFacts f) {
        List<Finding> found = new RunningBackendRule().check(f);
        return found.stream().filter(x -> x.code() == Code.PACKET_FILTER_MODES).map(Finding::message).findFirst()
                .orElseThrow();
    }

    private static NodeFacts facts(String raw) {
        return NodeFacts.parse(raw);
    }

    private static String section(String name, String text) {
        return "@@nodefix:section " + name + "@@\n" + text + "\n@@nodefix:end " + name + " rc=0@@\n";
    }
}
