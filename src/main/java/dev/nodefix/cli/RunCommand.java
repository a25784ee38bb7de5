package dev.nodefix.cli;

import dev.nodefix.report.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix run -a CMD}: an ad-hoc shell command; {@code nodefix run -m MODULE -a ARGS}: one module, journaled. */
@picocli.CommandLine.Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run a shell command, or apply one module (-m), on the selected hosts in parallel.",
                "Shell: each host's stdout, stderr and exit code are printed grouped by host, then a summary.",
                "Module: the plan is shown (--check stops there; --diff shows diffs), confirmed (or --yes), applied"
                + " with every change journaled on the node and here, and the run id printed for `nodefix rollback`.",
                "Examples:",
                "  nodefix run -a 'ethtool -k flannel.1 | grep checksum' -l agent",
                "  nodefix run -m ethtool --diff \\",
                "      -a 'iface=flannel.1 features.tx-checksum-ip-generic=off'",
                "Exit: 0 all ok, 2 a command or change failed, 4 a host unreachable, 1 bad input."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-a", "--args"}, paramLabel = "ARGS",
            description = "Shell: the command line, run by /bin/sh -c on each host. Module: its key=value arguments.")
    String commandLine;

    @Option(names = {"-m", "--module"}, paramLabel = "MODULE",
            description = "Apply this module instead of a shell command (ethtool, file, ...: see `nodefix modules`).")
    String module;

    @Option(names = "--serial", paramLabel = "N|N%", description = {"Module: k3s servers one at a time, then the other"
            + " hosts in batches of this size, the health gate (k3s active, node Ready) after each batch that changed"
            + " something; a failed gate stops the run before the next batch. Without it: servers one at a time"
            + " when k3s restarts, the rest at once."})
    String serial;

    @Mixin ChangingOptions common;

    private final CliContext ctx;

    public RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (module != null) {
            return ExitCode.of(new ModuleRun(ctx, module, commandLine, serial, common).run());
        }
        if (commandLine == null) {
            throw common.usage("run needs -a CMD (a shell command) or -m MODULE");
        }
        if (common.change.check || common.change.yes || common.change.diff || serial != null) {
            throw common.usage("--check, --diff, --yes and --serial are for modules (-m): a shell command cannot be"
                    + " planned, it just runs");
        }
        return new RemoteRun(ctx).shell(commandLine, common);
    }
}
