package dev.nodefix.diagnose;

import dev.nodefix.fact.IptablesBackends;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.NatView;
import dev.nodefix.fact.NodeFacts;
import java.util.List;

/** Words on which iptables table set holds kube-proxy's and flannel's rules, for the NAT path and its findings. */
final class BackendNote {
    private BackendNote() {}

    /** The commands of the nat views read, when there was more than the host's default listing. */
    static List<String> views(NodeFacts f) {
        List<String> commands = f.iptablesBackends().commands();
        return commands.size() > 1 ? List.of("nat tables read with: " + String.join("; ", commands)) : List.of();
    }

    /** Where KUBE-POSTROUTING lives, when that is not (only) the host's default table set. */
    static String kube(NodeFacts f) {
        return where(f.iptablesBackends(), f.iptablesBackends().kubeIn());
    }

    static String flannel(NodeFacts f) {
        return where(f.iptablesBackends(), f.iptablesBackends().flannelIn());
    }

    static String where(IptablesBackends b, List<IptablesVersion.Mode> in) {
        List<IptablesVersion.Mode> other = b.elsewhere(in);
        if (other.isEmpty()) {
            return "";
        }
        return " (in the iptables " + String.join(" and ", other.stream().map(NatView::backendName).toList())
                + " tables, which the host's default iptables (" + NatView.backendName(b.hostDefault())
                + ") does not show)";
    }
}
