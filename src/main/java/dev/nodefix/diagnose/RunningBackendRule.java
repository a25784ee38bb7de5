package dev.nodefix.diagnose;

import dev.nodefix.fact.K3sJournal;
import dev.nodefix.fact.NftNat;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.ArrayList;
import java.util.List;

/**
 * What the k3s journal (or flanneld's own log) says flannel did, against what it was configured to do: flannel that
 * exited runs no backend, so a configured vxlan is no running VXLAN device; the backend it started with, when it is
 * not the configured one, is the one that runs until k3s restarts. Also says flannel's and kube-proxy's packet
 * filter modes when the log shows them, as the NAT path reads them ({@link NftNat}: a listed nftables ruleset
 * outweighs the log, the log outweighs the configuration), so this finding and the NAT verdict never disagree.
 */
public final class RunningBackendRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        K3sJournal journal = f.journal();
        List<Finding> found = new ArrayList<>();
        if (journal.flannelRunning() == Observed.NO) {
            found.add(Finding.of(Code.FLANNEL_NOT_RUNNING, Severity.WARNING, "the k3s journal shows flannel"
                    + journal.backend().map(b -> " (backend " + b + ")").orElse("") + " exited: a configured backend"
                    + " is not a running VXLAN device; whether flannel.1 exists now decides",
                    quote(journal), "ip -d link show flannel.1; journalctl -u k3s | grep -i flannel"));
        }
        if (journal.flannelNftables() == Observed.YES || journal.kubeProxyMode().isPresent()) {
            found.add(Finding.of(Code.PACKET_FILTER_MODES, Severity.INFO, modes(journal, f.nft()), quote(journal),
                    null));
        }
        return found;
    }

    /** What the log shows, and where the masquerade rules are read from by the NAT path's own reading. */
    private static String modes(K3sJournal journal, NftNat nft) {
        boolean flannel = journal.flannelNftables() == Observed.YES;
        String shown = (flannel ? "flannel in nftables mode" : "") + (flannel && journal.kubeProxyMode().isPresent()
                ? " and " : "") + journal.kubeProxyMode().map(m -> "kube-proxy in " + m + " mode").orElse("");
        Observed flannelNft = nft.flannelInNftables();
        Observed kubeNft = nft.kubeProxyInNftables();
        String where = flannelNft == Observed.YES || kubeNft == Observed.YES
                ? "their masquerade rules are in nftables (nft list ruleset), not only in iptables"
                : "their masquerade rules are in iptables";
        List<String> overruled = new ArrayList<>();
        if (flannel && flannelNft == Observed.NO) {
            overruled.add("no flannel table");
        }
        if (journal.kubeProxyMode().filter("nftables"::equals).isPresent() && kubeNft == Observed.NO) {
            overruled.add("no kube-proxy table");
        }
        return "the log shows " + shown + ": " + where + (overruled.isEmpty() ? "" : " (the nft ruleset read has "
                + String.join(" and ", overruled) + ": it runs otherwise now than the log shows)");
    }

    private static List<String> quote(K3sJournal journal) {
        int n = journal.lines().size();
        return journal.lines().subList(Math.max(0, n - 5), n).stream().map(l -> "journal: " + l).toList();
    }
}
