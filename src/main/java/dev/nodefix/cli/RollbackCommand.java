package dev.nodefix.cli;

import dev.nodefix.report.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix rollback RUN|--last}: undo a run's changes, last first, as a journaled run of its own. */
@picocli.CommandLine.Command(name = "rollback", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Undo what a run changed, exactly: last change first, servers first.",
                "On each node the run's changes are undone in reverse order (files restored byte for byte with mode and"
                + " owner, features and unit enablement as before), restarts and reloads run again after, servers"
                + " first. A run that went in batches is rolled back in them (servers alone first), the health gate"
                + " (k3s active, node Ready) after each; a failed gate stops it before the next batch.",
                "A change whose result is no longer in place is skipped (so a second rollback does nothing); one"
                + " changed by hand since is a conflict, left alone unless --force; one a later run changed again is"
                + " that run's (named), and one undone by an earlier rollback is never undone twice.",
                "The run's changes come from this machine's journal checked against the nodes' own journals"
                + " (/var/lib/nodefix); a gap, extra or garbled line, or a missing journal refuses the rollback unless"
                + " --force=controller or --force=nodes says which to trust. --last --from-nodes picks the newest run"
                + " in the nodes' journals that a host has not rolled back yet (when this machine's run store is lost).",
                "Exit: 0 ok, 2 a change failed or a node is locked, 4 a host unreachable, 1 bad input."})
public final class RollbackCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The run id (see `nodefix runs`).")
    String run;

    @Option(names = "--last", description = {"The most recent run that applied changes and is not rolled back on every host yet.",
            "With --from-nodes: the newest such run in the selected nodes' journals (see `nodefix runs --from-nodes`)."})
    boolean last;

    @Option(names = "--force", arity = "0..1", paramLabel = "EVIDENCE", parameterConsumer = RollbackForce.class,
            description = {"Also restore what was changed since the run (conflicts). =controller or =nodes: when the"
                    + " journals disagree or one is damaged, trust this machine's or the nodes' journals."})
    String force;

    @Option(names = "--from-nodes", description = "Read the run's changes from the nodes' journals, not this machine's.")
    boolean fromNodes;

    @Mixin ChangingOptions common;

    private final CliContext ctx;

    public RollbackCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--max-fail-percentage", paramLabel = "N", description = {"Stop before the next batch when more"
            + " than N%% of a batch's hosts failed (0 to 100; as a play's max_fail_percentage). Default: go on."})
    Integer maxFailPercentage;

    @Override
    public Integer call() {
        if ((run == null) == !last) {
            throw common.usage("give a RUN id or --last (one of them)");
        }
        if (maxFailPercentage != null && (maxFailPercentage < 0 || maxFailPercentage > 100)) {
            throw common.usage("--max-fail-percentage: 0 to 100");
        }
        RollbackRun rollback = new RollbackRun(ctx, common.inventory, common.connection, common.become, common.change,
                common.output, fromNodes, force, Optional.ofNullable(maxFailPercentage), common.args());
        return ExitCode.of(rollback.run(rollback.runId(run)));
    }
}
