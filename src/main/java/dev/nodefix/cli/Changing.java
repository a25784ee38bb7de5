package dev.nodefix.cli;

import dev.nodefix.connect.Setup;
import dev.nodefix.engine.Connections;
import dev.nodefix.executor.Batching;
import dev.nodefix.executor.GivenTasks;
import dev.nodefix.executor.PlayOptions;
import dev.nodefix.executor.PlaybookRun;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.report.ChangeReport;
import dev.nodefix.workflow.GeneratedPlay;
import dev.nodefix.workflow.Outcome;
import dev.nodefix.workflow.Recorder;
import dev.nodefix.workflow.Request;
import dev.nodefix.workflow.Settings;
import dev.nodefix.workflow.Workflow;
import java.util.List;

/**
 * What the changing commands share: a playbook (loaded, or generated for {@code run -m} and {@code rollback}) run
 * through the {@link Workflow} by the executor over this command's connections, reported as text or JSON.
 *
 * @param setup the connection setup the hosts are reached with
 * @param selected the hosts {@code --limit} leaves
 */
record Changing(CliContext ctx, Setup setup, Inventory inventory, List<Host> selected, ConnectionOptions connection,
                BecomeOptions become, ChangeOptions change, OutputOptions output) {

    /** A playbook as loaded: the lines' details and notes with {@code -v}. */
    Outcome run(Playbook book, PlayOptions options, Request request) {
        return run(book, options, Batching.play(options), GivenTasks.NONE, request, output.verbosity() > 0);
    }

    /**
     * A generated play ({@code run -m}, a rollback): every line's detail and notes are shown, as they were when these
     * commands had their own report (why a change was not needed, what a rollback skips).
     */
    Outcome run(GeneratedPlay play, Batching batching, Request request) {
        return run(play.book(), PlayOptions.defaults(), batching, play.given(), request, true);
    }

    private Outcome run(Playbook book, PlayOptions options, Batching batching, GivenTasks given, Request request,
                        boolean detailed) {
        RemoteRun.Session session = new RemoteRun(ctx).session(setup, connection, become);
        try (Connections connections = new Connections(session.factory())) {
            PlaybookRun run = new PlaybookRun(book, inventory, selected, options, connections,
                    connection.forks(setup.forks()), session.become(), change.breakLock, ctx.services().modules(),
                    ctx.services().expressions(), PlaybookRun.realSleeper(), batching, given);
            if (run.hosts().isEmpty()) {
                throw new IllegalArgumentException("no play of " + book.file() + " selects any of the hosts given");
            }
            return workflow(book, detailed).run(run, request, new Settings(change.check, change.yes, change.breakLock));
        }
    }

    private Workflow workflow(Playbook book, boolean detailed) {
        Recorder recorder = new Recorder(ctx.services().runs(), ctx.clock(), ctx.entropy(), now -> LockHolder.describe(
                now, ctx.env().getOrDefault("USER", "?"), ctx.env().getOrDefault("HOSTNAME", "controller"),
                ProcessHandle.current().pid(), LockHolder.bootId()));
        ChangeReport report = new ChangeReport(output.style(ctx.env(), ctx.interactive()), change.diff,
                detailed, detailed, book.plays().stream().map(Play::name).toList(), output.json(), change.yes,
                ctx.out(), ctx.err(), ctx.interactive());
        return new Workflow(recorder, new TerminalConfirm(ctx), report);
    }
}
