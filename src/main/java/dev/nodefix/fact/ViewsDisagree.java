package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a host's listing and a container's listing of the same node disagree on kube-proxy's or flannel's chain:
 * one shows it and the other's whole table does not (the container's iptables reads the other table set), or
 * they show it in different forms (fixed and unfixed, guarded and unguarded). Both are live in the kernel; the
 * finding says which view showed what.
 */
final class ViewsDisagree {
    private ViewsDisagree() {}

    static List<String> of(NatViews views) {
        List<String> out = new ArrayList<>();
        for (String chain : List.of(IptablesBackends.KUBE, IptablesBackends.FLANNEL)) {
            Set<String> host = new LinkedHashSet<>();
            Set<String> container = new LinkedHashSet<>();
            for (NatView v : views.views()) {
                state(v, chain).ifPresent(s -> (v.container() ? container : host).add(s));
            }
            if (!host.isEmpty() && !container.isEmpty() && !host.equals(container)) {
                out.add(chain + ": the host's listing shows " + String.join(" / ", host) + ", the container's "
                        + String.join(" / ", container));
            }
        }
        return out;
    }

    /** What one view says of the chain, when it says something: its form, or that its whole table lacks it. */
    private static Optional<String> state(NatView view, String chain) {
        if (!view.read()) {
            return Optional.empty();
        }
        IptablesText text = IptablesText.of(view.section().lines());
        IptablesView shown = SavedRules.read(text).with(ListedRules.read(text));
        if (!shown.chains().containsKey(chain)) {
            return shown.wholeNatTable() ? Optional.of("no " + chain) : Optional.empty();
        }
        if (chain.equals(IptablesBackends.KUBE)) {
            KubePostrouting.Form form = KubePostrouting.of(view).form();
            return form == KubePostrouting.Form.FIXED || form == KubePostrouting.Form.UNFIXED
                    ? Optional.of(chain + " " + form.name().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        }
        FlannelPostrtg.Guard guard = FlannelPostrtg.of(view).guard();
        return guard == FlannelPostrtg.Guard.PRESENT ? Optional.of(chain + " guarded")
                : guard == FlannelPostrtg.Guard.MISSING ? Optional.of(chain + " unguarded") : Optional.empty();
    }
}
