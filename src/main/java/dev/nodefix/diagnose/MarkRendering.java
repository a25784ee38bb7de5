package dev.nodefix.diagnose;

import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.NatViews;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.util.Optional;

/**
 * Whether the iptables that printed the listing can be trusted with mark matches. In nf_tables mode a rule is
 * stored as nftables expressions, and an iptables older or newer than the one that wrote it can print them wrongly:
 * kube-proxy's iptables 1.8.7 printed kubelet's {@code -m mark --mark 0x8000/0x8000 -j DROP}, written by the host's
 * 1.8.8, as a bare {@code -j DROP} (https://github.com/kubernetes/kubernetes/issues/112477). k3s writes with the
 * host's iptables unless {@code prefer-bundled-bin} puts its own ({@code bin/aux}) first.
 *
 * @param skew YES when the printer and the writer are different nf_tables iptables versions; CANNOT_TELL when k3s
 *             prefers its bundled iptables and its version is not known
 */
public record MarkRendering(Observed skew, String reason) {
    private static final String BUNDLED_SAVE = NatViews.K3S_AUX + "/iptables-save -t nat";

    /** The skew reading of {@code f}: printer the host's iptables (or the listing's header), writer k3s's choice. */
    public static MarkRendering of(NodeFacts f) {
        IptablesVersion printer = f.iptables();
        IptablesVersion bundled = f.k3sIptables();
        Optional<Boolean> prefers = f.nft().preferBundledBin();
        if (prefers.equals(Optional.of(false)) || printer.mode() == IptablesVersion.Mode.LEGACY
                || bundled.mode() == IptablesVersion.Mode.LEGACY) {
            return new MarkRendering(Observed.NO, "k3s writes the rules with the iptables that printed them");
        }
        if (bundled.mode() == IptablesVersion.Mode.ABSENT) {
            return prefers.isEmpty() ? new MarkRendering(Observed.NO, "k3s writes with the host's iptables unless"
                    + " prefer-bundled-bin is set, and no bundled iptables was seen")
                    : new MarkRendering(Observed.CANNOT_TELL, "k3s prefers its bundled iptables, whose version was not"
                    + " read: mark matches may be printed wrongly; compare with `" + BUNDLED_SAVE + "`");
        }
        if (printer.version().isPresent() && bundled.version().equals(printer.version())) {
            return new MarkRendering(Observed.NO, "k3s's bundled iptables and the host's are the same nf_tables version");
        }
        String printed = printer.version().map(v -> "host iptables " + v + " (nf_tables)")
                .orElse("an iptables of unknown version");
        String settle = ": mark matches may be printed wrongly; read them with `" + BUNDLED_SAVE
                + "` or `nft list table ip nat`";
        if (prefers.isEmpty() || printer.version().isEmpty()) {
            return new MarkRendering(Observed.CANNOT_TELL, printed + " printed the rules and k3s's bundled iptables "
                    + bundled.version().orElse("?") + " (nf_tables) may have written them (" + (prefers.isEmpty()
                    ? "whether k3s sets prefer-bundled-bin was not read" : "prefer-bundled-bin") + ")" + settle);
        }
        return new MarkRendering(Observed.YES, printed + " printed rules k3s wrote with its bundled iptables "
                + bundled.version().orElse("?") + " (nf_tables, prefer-bundled-bin)" + settle);
    }

    /** The listing's mark matches can be read at face value. */
    public boolean trusted() {
        return skew == Observed.NO;
    }
}
