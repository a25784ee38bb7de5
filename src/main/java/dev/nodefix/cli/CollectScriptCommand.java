package dev.nodefix.cli;

import dev.nodefix.fact.CollectorScript;
import dev.nodefix.report.ExitCode;
import java.util.concurrent.Callable;

/** {@code nodefix collect-script}: print the collector, to run by hand where nodefix cannot SSH. */
@picocli.CommandLine.Command(name = "collect-script", mixinStandardHelpOptions = true,
        description = {"Print the read-only POSIX sh collector that `nodefix facts` runs on each host.",
                "Capture its output per host and read it with `nodefix facts --from DIR` (or `diagnose --from DIR`):",
                "  sh collector.sh PEER_IP... > DIR/HOST",
                "PEER_IPs are the other nodes' addresses; they let diagnose check whether host-gw is possible."})
public final class CollectScriptCommand implements Callable<Integer> {
    private final CliContext ctx;

    public CollectScriptCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().print(CollectorScript.load().text());
        ctx.out().flush();
        return ExitCode.OK;
    }
}
