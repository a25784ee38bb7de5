package dev.nodefix.diagnose;

import dev.nodefix.fact.K3sRelease;
import dev.nodefix.fact.K3sReleases;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the k3s version implies when the rules cannot be read: kube-proxy without the unmark fix, or flannel
 * v0.20.1's unguarded FLANNEL-POSTRTG. A fallback hint: a version alone never makes a node affected or not
 * affected, so the finding decides no verdict and names the command that reads the rules.
 */
public final class VersionHintRule implements Rule {
    private final K3sReleases releases;

    public VersionHintRule(K3sReleases releases) {
        this.releases = releases;
    }

    @Override
    public List<Finding> check(NodeFacts f) {
        Optional<K3sRelease> release = K3sRelease.of(f.k3s().version());
        if (release.isEmpty() || !rulesUnread(f)) {
            return List.of();
        }
        List<String> hints = hints(release.get());
        if (hints.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.of(Code.VERSION_HINT, Severity.WARNING, "the rules cannot be read; the version implies: "
                + String.join("; ", hints) + " (a version alone does not decide)", List.of("k3s " + release.get()
                + " embeds Kubernetes " + release.get().kubernetes(), Evidence.kernel(f)),
                "read the rules: `iptables-save -t nat` (and `nft list ruleset` where kube-proxy or flannel use"
                        + " nftables) as root"));
    }

    private static boolean rulesUnread(NodeFacts f) {
        NftPath nft = NftPath.of(f);
        return nft.kind() == NftPath.Kind.UNKNOWN
                || nft.kind() == NftPath.Kind.NOT_NFTABLES && NatPath.of(f).kind() == NatPath.Kind.UNKNOWN;
    }

    private List<String> hints(K3sRelease release) {
        List<String> hints = new ArrayList<>();
        if (!releases.unmarkFix(release)) {
            hints.add("k3s " + release + " ships kube-proxy " + release.kubernetes() + " without the unmark fix"
                    + " (Kubernetes 1.16.13, 1.17.9, 1.18.6, 1.19 and later have it)");
        }
        releases.find(K3sReleases.FLANNEL_UNGUARDED, release).ifPresent(row -> hints.add("k3s " + release + " bundles "
                + row.meaning() + ", " + row.source()));
        return hints;
    }
}
