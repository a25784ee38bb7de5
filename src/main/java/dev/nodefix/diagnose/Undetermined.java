package dev.nodefix.diagnose;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.stream.Collectors;

/** The finding of a host no verdict rule could judge: which legs are open, and the commands that would tell. */
final class Undetermined {
    private Undetermined() {}

    static Finding of(NodeFacts f) {
        Legs legs = Legs.of(f);
        List<Leg> open = legs.deciding().isEmpty() ? legs.all().stream().filter(Leg::isOpen).toList()
                : legs.deciding();
        String message = "cannot tell: " + open.stream().map(l -> l.name().label() + " (" + l.reading() + ")")
                .collect(Collectors.joining("; "));
        String fix = "run the settle commands on the node as root and diagnose again (live with --become, or their"
                + " output with --from)";
        return Finding.of(Code.UNDETERMINED, Severity.WARNING, message,
                Evidence.of(legs.all().toArray(Leg[]::new)), fix).settledBy(open);
    }

    static Finding unreachable(HostFacts.NotCollected n) {
        return Finding.of(Code.UNREACHABLE, Severity.WARNING, "no facts: host " + n.status() + ": " + n.message(),
                List.of(), "make the host reachable over SSH, or capture `nodefix collect-script` output on it"
                        + " and use --from");
    }
}
