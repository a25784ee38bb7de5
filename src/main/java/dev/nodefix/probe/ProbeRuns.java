package dev.nodefix.probe;

import dev.nodefix.diagnose.Code;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.Severity;
import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Where probe targets come from (inventory var, discovery on a server) and what the probe runs found. */
public final class ProbeRuns {
    public static final String TARGETS_VAR = "nodefix_probe_targets";
    private static final int MAX_DISCOVERED = 5;
    private static final String DISCOVER = "command -v k3s >/dev/null 2>&1 && k3s kubectl get svc -A -o"
            + " jsonpath='{range .items[*]}{.spec.clusterIP}:{.spec.ports[0].port}{\"\\n\"}{end}' 2>/dev/null";

    private ProbeRuns() {}

    /** {@code nodefix_probe_targets} of the hosts: a YAML list or a comma/space separated string of IP:PORT. */
    public static List<ProbeTarget> fromVars(Collection<Host> hosts) {
        Set<ProbeTarget> targets = new LinkedHashSet<>();
        for (Host host : hosts) {
            Object value = host.vars().get(TARGETS_VAR);
            List<?> items = value instanceof List<?> l ? l : value == null ? List.of()
                    : List.of(String.valueOf(value).split("[,\\s]+"));
            items.stream().map(String::valueOf).filter(s -> !s.isBlank()).map(ProbeTarget::parse).forEach(targets::add);
        }
        return List.copyOf(targets);
    }

    /** Lists services with {@code k3s kubectl}: only a server answers. */
    public static Command discoveryCommand() {
        return Command.shell(DISCOVER);
    }

    /**
     * ClusterIP:port of the services the servers listed (headless ones skipped), at most 5.
     *
     * @param results the discovery command's results on the hosts it ran to its end on
     */
    public static List<ProbeTarget> discovered(List<CommandResult> results) {
        Set<ProbeTarget> targets = new LinkedHashSet<>();
        for (CommandResult result : results) {
            if (result.ok()) {
                result.stdout().lines().map(String::strip).filter(l -> l.matches("(\\d{1,3}\\.){3}\\d{1,3}:\\d{1,5}"))
                        .map(ProbeTarget::parse).forEach(targets::add);
            }
        }
        return targets.stream().limit(MAX_DISCOVERED).toList();
    }

    /** Findings per host from the runs of {@link ProbeScript}; a host the probe could not run on says why. */
    public static Map<String, List<Finding>> findings(List<ProbeOutput> outputs) {
        Map<String, List<Finding>> out = new TreeMap<>();
        for (ProbeOutput output : outputs) {
            out.put(output.host(), output instanceof ProbeOutput.Printed p
                    ? ProbeFindings.of(ProbeResult.parse(p.stdout()))
                    : List.of(Finding.of(Code.PROBE_FAILED, Severity.WARNING,
                            "probe not run: " + ((ProbeOutput.NotRun) output).reason(), List.of(), null)));
        }
        return out;
    }
}
