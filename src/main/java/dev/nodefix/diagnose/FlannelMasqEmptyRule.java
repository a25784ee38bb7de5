package dev.nodefix.diagnose;

import dev.nodefix.fact.FlannelPostrtg;
import dev.nodefix.fact.K3sRelease;
import dev.nodefix.fact.K3sReleases;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.RandomFullySupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The other flannel bug, not the checksum one: on a host whose iptables cannot do {@code --random-fully}, flannel
 * of k3s v1.25.7 / v1.26.2 created FLANNEL-POSTRTG and wrote no rule into it, so nothing masquerades pod traffic
 * (k3s issue 7096; fixed in v1.26.3+k3s1 and v1.25.8+k3s1). Found from the empty chain, or from the k3s version when
 * the chain cannot be read; either way only on a host shown to lack {@code --random-fully}.
 */
public final class FlannelMasqEmptyRule implements Rule {
    private final K3sReleases releases;

    public FlannelMasqEmptyRule(K3sReleases releases) {
        this.releases = releases;
    }

    @Override
    public List<Finding> check(NodeFacts f) {
        if (!noRandomFully(f)) {
            return List.of();
        }
        FlannelPostrtg chain = f.flannelPostrtg();
        boolean empty = chain.guard() == FlannelPostrtg.Guard.MISSING && chain.rules().isEmpty();
        Optional<K3sReleases.Row> row = K3sRelease.of(f.k3s().version())
                .flatMap(r -> releases.find(K3sReleases.FLANNEL_POSTRTG_EMPTY, r));
        if (!empty && (row.isEmpty() || chain.guard() != FlannelPostrtg.Guard.UNREADABLE)) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>(List.of("iptables " + f.iptables().version().orElse("?")
                + ": no --random-fully", empty ? "FLANNEL-POSTRTG: listed, no rules" : "FLANNEL-POSTRTG: not readable"));
        row.ifPresent(r -> evidence.add("k3s " + f.k3s().version().version().orElse("?") + ": " + r.meaning() + ", "
                + r.source()));
        return List.of(Finding.of(Code.FLANNEL_MASQ_EMPTY, empty ? Severity.CRITICAL : Severity.WARNING,
                (empty ? "" : "probably: ") + "flannel's FLANNEL-POSTRTG is empty because this host's iptables cannot do"
                        + " --random-fully: pod traffic leaving the cluster is not masqueraded (k3s issue 7096, a"
                        + " different bug from the checksum delay)", evidence,
                "upgrade k3s to v1.26.3+k3s1 / v1.25.8+k3s1 or later"));
    }

    private static boolean noRandomFully(NodeFacts f) {
        return f.randomFully().support() == RandomFullySupport.Support.UNSUPPORTED
                || f.iptables().version().isPresent() && !f.iptables().randomFullyCapable();
    }
}
