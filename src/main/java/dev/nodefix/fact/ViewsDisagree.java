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

    /** What one view says of a chain: whether its listing has it (when that can be told), and its form if decisive. */
    private record State(Optional<Boolean> shown, Optional<String> form) {
        String words(String chain) {
            return form.map(f -> chain + " " + f).orElse(shown.orElse(false) ? chain : "no " + chain);
        }
    }

    static List<String> of(NatViews views) {
        List<String> out = new ArrayList<>();
        for (String chain : List.of(IptablesBackends.KUBE, IptablesBackends.FLANNEL)) {
            List<State> host = new ArrayList<>();
            List<State> container = new ArrayList<>();
            for (NatView v : views.views()) {
                state(v, chain).ifPresent(s -> (v.container() ? container : host).add(s));
            }
            if (disagree(host, container)) {
                out.add(chain + ": the host's listing shows " + words(host, chain) + ", the container's "
                        + words(container, chain));
            }
        }
        return out;
    }

    private static boolean disagree(List<State> host, List<State> container) {
        for (State h : host) {
            for (State c : container) {
                boolean presence = h.shown().isPresent() && c.shown().isPresent() && !h.shown().equals(c.shown());
                boolean form = h.form().isPresent() && c.form().isPresent() && !h.form().equals(c.form());
                if (presence || form) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String words(List<State> states, String chain) {
        Set<String> words = new LinkedHashSet<>();
        states.forEach(s -> words.add(s.words(chain)));
        return String.join(" / ", words);
    }

    /** What one view says of the chain, when it says something: its form, or that its whole table lacks it. */
    private static Optional<State> state(NatView view, String chain) {
        if (!view.read()) {
            return Optional.empty();
        }
        IptablesView shown = view.shown();
        if (!shown.chains().containsKey(chain)) {
            return shown.wholeNatTable() ? Optional.of(new State(Optional.of(false), Optional.empty())) : Optional.empty();
        }
        return Optional.of(new State(Optional.of(true), form(view, chain)));
    }

    private static Optional<String> form(NatView view, String chain) {
        if (chain.equals(IptablesBackends.KUBE)) {
            KubePostrouting.Form form = KubePostrouting.of(view).form();
            return form == KubePostrouting.Form.FIXED || form == KubePostrouting.Form.UNFIXED
                    ? Optional.of(form.name().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        }
        FlannelPostrtg.Guard guard = FlannelPostrtg.of(view).guard();
        return guard == FlannelPostrtg.Guard.PRESENT ? Optional.of("guarded")
                : guard == FlannelPostrtg.Guard.MISSING ? Optional.of("unguarded") : Optional.empty();
    }
}
