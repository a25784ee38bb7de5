package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.probe.ProbeOutput;
import dev.nodefix.probe.ProbeRuns;
import dev.nodefix.probe.ProbeScript;
import dev.nodefix.probe.ProbeTarget;
import java.util.List;

/** The probe run live on the selected hosts: its targets chosen, the script run, each host's output. */
final class Probes {
    private Probes() {}

    /**
     * The targets given; else the inventory's {@code nodefix_probe_targets}; else, when {@code discover}, the services
     * a server lists. Empty when there are none.
     */
    static List<ProbeTarget> targets(CliContext ctx, InventoryOptions inventory, ConnectionOptions connection,
            BecomeOptions become, List<ProbeTarget> given, boolean discover) {
        List<ProbeTarget> chosen = given;
        if (chosen.isEmpty()) {
            chosen = ProbeRuns.fromVars(inventory.select(inventory.setup(ctx, connection, become).inventory()));
        }
        if (chosen.isEmpty() && discover) {
            chosen = ProbeRuns.discovered(new RemoteRun(ctx).run(inventory, connection, become,
                    ProbeRuns.discoveryCommand()).runs().stream().filter(HostRun.Completed.class::isInstance)
                    .map(r -> ((HostRun.Completed) r).result()).toList());
        }
        return chosen;
    }

    /** The probe script's run on every selected host. */
    static List<ProbeOutput> run(CliContext ctx, InventoryOptions inventory, ConnectionOptions connection,
            BecomeOptions become, List<ProbeTarget> targets) {
        return new RemoteRun(ctx).run(inventory, connection, become, new ProbeScript(targets).command()).runs().stream()
                .map(Probes::output).toList();
    }

    /** The probe script's run on one host, as the probe reads it. */
    private static ProbeOutput output(HostRun run) {
        String host = run.host().name();
        if (run instanceof HostRun.Completed c) {
            return new ProbeOutput.Printed(host, c.result().stdout());
        }
        if (run instanceof HostRun.Unreachable u) {
            return new ProbeOutput.NotRun(host, "unreachable: " + u.error().getMessage());
        }
        return new ProbeOutput.NotRun(host, run instanceof HostRun.Errored e ? e.failure() + ": " + e.message() : "no result");
    }
}
