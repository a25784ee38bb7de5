package dev.nodefix.cli;

import dev.nodefix.engine.Connections;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunKind;
import dev.nodefix.executor.PlayEvents;
import dev.nodefix.workflow.PlayEnds;
import dev.nodefix.executor.PlayOptions;
import dev.nodefix.executor.PlaybookPlan;
import dev.nodefix.executor.PlaybookListing;
import dev.nodefix.executor.PlaybookResult;
import dev.nodefix.executor.PlaybookRun;
import dev.nodefix.executor.TaskLine;
import dev.nodefix.playbook.ExtraVars;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.PlaybookException;
import dev.nodefix.playbook.PlaybookLoader;
import dev.nodefix.playbook.Serial;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.PlayJson;
import dev.nodefix.report.PlayText;
import dev.nodefix.report.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix play FILE}: a playbook planned on every host, confirmed, applied batch by batch, journaled. */
@picocli.CommandLine.Command(name = "play", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run a playbook: plays of tasks, one module each (playbooks/, docs/playbooks.md).",
                "1. The file is validated first: every problem as FILE:LINE:COL, exit 1.",
                "2. Every host is planned: checks run, changes are shown (--diff: with diffs).",
                "   --check stops here. Without --yes the plan is confirmed on the terminal;",
                "   with no terminal and no --yes nothing changes.",
                "3. Play by play: k3s servers one at a time, then the rest in `serial` batches.",
                "   After a batch that changed something the health gate (k3s unit active,",
                "   node Ready in `k3s kubectl`) must pass; failures above a play's",
                "   max_fail_percentage stop the run (--rollback-on-failure undoes that batch).",
                "4. Every change is journaled; the output ends with the run id and its rollback.",
                "  nodefix play playbooks/fix-vxlan-checksum.yaml --check --diff",
                "  nodefix play playbooks/fix-vxlan-checksum.yaml -y -e probe_target=IP:PORT",
                "Exit: 0 ok, 2 a task failed or the run stopped, 4 unreachable, 1 bad input."})
public final class PlayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The playbook file.")
    Path file;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = {"Variables for every expression, over the plays' vars, as ansible-playbook reads them:"
                    + " NAME=VALUE words, @FILE (YAML or JSON) or '{\"name\": value}' (repeatable; a later one wins)."})
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-t", "--tags"}, split = ",", paramLabel = "TAG",
            description = "Only the tasks with one of these tags (and those tagged always).")
    Set<String> tags = new LinkedHashSet<>();

    @Option(names = "--skip-tags", split = ",", paramLabel = "TAG",
            description = "Not the tasks with one of these tags.")
    Set<String> skipTags = new LinkedHashSet<>();

    @Option(names = "--serial", paramLabel = "N|N%", description = "Batch size for every play, over their `serial`.")
    String serial;

    @Option(names = "--syntax-check", description = "Only read and check the playbook (as ansible-playbook); no host is"
            + " reached. Exit 0, or 1 with every problem.")
    boolean syntaxCheck;

    @Option(names = "--list-hosts", description = "List each play's hosts (as ansible-playbook); nothing is run.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List each play's tasks with their tags (as ansible-playbook);"
            + " nothing is run.")
    boolean listTasks;

    @Option(names = "--rollback-on-failure",
            description = "When a batch stops the run, roll that batch's hosts back right away (journaled, as"
                    + " `nodefix rollback`).")
    boolean rollbackOnFailure;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin ChangeOptions change;
    @Mixin OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;

    public PlayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Playbook book;
        PlayOptions options;
        try {
            options = options(ExtraVars.decrypted(ExtraVars.parse(extraVars), inventory.unvault(ctx)));
            book = new PlaybookLoader(ctx.services().modules(), ctx.services().expressions()).load(file, options.extraVars());
        } catch (PlaybookException e) {
            e.problems().forEach(p -> ctx.err().println("nodefix: error: " + p));
            ctx.err().flush();
            return ExitCode.USAGE;
        }
        if (syntaxCheck || listHosts || listTasks) {
            return list(book, options);
        }
        Inventory inv = inventory();
        List<Host> selected = inventory.select(inv);
        if (usesBecome(book)) { // a vaulted sudo password that cannot be decrypted stops the run before it starts
            selected.forEach(inventory.setup(ctx, connection, become)::becomePassword);
        }
        List<String> plays = book.plays().stream().map(Play::name).toList();
        PlayText text = new PlayText(output.style(ctx.env(), ctx.interactive()), change.diff, output.verbosity() > 0,
                plays);
        PrintWriter out = output.json() ? ctx.err() : ctx.out();
        RemoteRun.Session session = new RemoteRun(ctx).session(inventory.setup(ctx, connection, become), connection, become);
        try (Connections connections = new Connections(session.factory())) {
            PlaybookRun run = new PlaybookRun(book, inv, selected, options, connections, connection.forks(inventory.setup(ctx).forks()),
                    session.become(), change.breakLock, ctx.services().modules(), ctx.services().expressions(),
                    PlaybookRun.realSleeper());
            List<Host> hosts = run.hosts();
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("no play of " + file + " selects any of the hosts given (--limit "
                        + (inventory.limit == null ? "all" : inventory.limit) + ")");
            }
            Progress planning = new Progress(ctx.err(), hosts.size(), ctx.interactive());
            PlaybookPlan plan = run.plan(new PlayEvents() {
                @Override
                public void hostDone(String host, boolean ok) {
                    planning.done(ok, true);
                }
            });
            planning.clear();
            if (Thread.currentThread().isInterrupted()) {
                ctx.err().println("interrupted while planning: nothing changed");
                ctx.err().flush();
                return ExitCode.HOST_FAILED;
            }
            int changes = plan.changeCount();
            if (change.breakLock && !change.check && plan.fatal().isEmpty()) {
                run.breakIdleLocks(plan).forEach((host, said) -> ctx.err().println(host + ": " + said));
            }
            if (plan.fatal().isPresent() || change.check || changes == 0) {
                return planOnly(plan, plays, text);
            }
            if (!output.json() || !change.yes) {
                text.plan(out, file.toString(), plan.lines());
            }
            ChangeFlow flow = new ChangeFlow(ctx);
            if (!change.yes && !flow.confirmed("Apply " + changes + " change(s) on " + plan.changing().size()
                    + " host(s)?")) {
                return ExitCode.USAGE;
            }
            return apply(run, plan, plays, text, options);
        }
    }

    /** Whether any play, task or handler of the playbook runs with {@code become}. */
    private static boolean usesBecome(Playbook book) {
        return book.plays().stream().anyMatch(p -> p.become().orElse(false)
                || p.tasks().stream().anyMatch(t -> t.become().orElse(false))
                || p.handlers().stream().anyMatch(t -> t.become().orElse(false)));
    }

    /** The inventory, with group_vars/ and host_vars/ beside the playbook counted too, as ansible-playbook does. */
    private Inventory inventory() {
        return inventory.setup(ctx, connection.overrides(become), Optional.ofNullable(file.toAbsolutePath().getParent()))
                .inventory();
    }

    /** {@code --syntax-check}, {@code --list-hosts}, {@code --list-tasks}: printed as ansible-playbook does. */
    private int list(Playbook book, PlayOptions options) {
        if (syntaxCheck) {
            ctx.out().print(PlaybookListing.syntaxChecked(book));
        } else {
            Optional<PlaybookListing.Selection> hosts = Optional.empty();
            if (listHosts) {
                Inventory inv = inventory();
                hosts = Optional.of(new PlaybookListing.Selection(inv, inventory.names(inv)));
            }
            ctx.out().print(PlaybookListing.of(book, hosts, options, listTasks));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** A check, a plan with nothing to change, or one that must not run: the plan's lines are the result. */
    private int planOnly(PlaybookPlan plan, List<String> plays, PlayText text) {
        Optional<String> stopped = plan.fatal().map(f -> "nothing changed: " + f);
        List<TaskLine> lines = change.check ? plan.lines() : plan.notRun(plan.fatal().isPresent()
                ? "the run was refused" : "this host's plan fails further on");
        if (output.json()) {
            ctx.out().println(new PlayJson().of(new PlayJson.Outcome(file.toString(), change.check, Optional.empty(),
                    Optional.empty(), stopped), plays, lines));
        } else {
            if (change.check && plan.changeCount() > 0) {
                text.plan(ctx.out(), file.toString(), lines);
            } else {
                text.lines(ctx.out(), lines);
            }
            text.recap(ctx.out(), lines);
            ctx.out().println(stopped.orElse(plan.changeCount() == 0 ? "nothing to change; no run recorded"
                    : "check: " + plan.changeCount() + " change(s) on " + plan.changing().size()
                    + " host(s) would be made; nothing changed"));
        }
        retryFile(PlayEnds.of(lines), output.json() ? ctx.err() : ctx.out());
        ctx.out().flush();
        return plan.fatal().isPresent() ? ExitCode.HOST_FAILED : exit(lines, false);
    }

    private int apply(PlaybookRun run, PlaybookPlan plan, List<String> plays, PlayText text, PlayOptions options) {
        List<String> names = plan.changing().stream().map(PlaybookPlan.Host::name).toList();
        String what = "play " + file + (options.extraVars().isEmpty() ? "" : " " + options.extraVars());
        PrintWriter out = output.json() ? ctx.err() : ctx.out();
        RunRecording recording = RunRecording.start(ctx, RunKind.APPLY, Optional.empty(), what, names,
                Optional.of(inventory.used(ctx)), out);
        String id = recording.id();
        PlaybookResult result;
        RunEvents events = new RunEvents(text, ctx.out(), output.json(),
                new Progress(ctx.err(), plan.changing().size(), ctx.interactive()));
        try (RunJournal journal = recording.openJournal()) {
            result = run.apply(plan, journal, recording.started(), recording.holder(), events);
        }
        Map<String, HostEnd> ends = PlayEnds.of(result.lines());
        RunMeta finished = recording.finish(hostsWith(result, l -> l.status() == TaskLine.Status.CHANGED),
                hostsWith(result, l -> l.status() == TaskLine.Status.FAILED && !l.ignored()),
                hostsWith(result, l -> l.status() == TaskLine.Status.UNREACHABLE), ends, events.batches());
        String rollback = "nodefix rollback " + id + inventory.hint();
        RunRetry retry = RunRetry.of(finished);
        List<String> args = RetryHint.args(spec);
        Optional<String> hint = RetryHint.line(args, retry);
        if (output.json()) {
            ctx.out().println(new PlayJson().of(new PlayJson.Outcome(file.toString(), false, Optional.of(id),
                    Optional.of(rollback), result.stopped(), hint.map(h -> new dev.nodefix.workflow.Retry(
                            retry.hosts(), h, RetryHint.shellLine(args, id)))), plays, result.lines()));
        } else {
            result.stopped().ifPresent(s -> ctx.out().println("STOPPED  " + s));
            text.recap(ctx.out(), result.lines());
        }
        out.println("run " + id + " recorded; undo it with: " + rollback);
        hint.ifPresent(out::println);
        retryFile(ends, out);
        out.flush();
        ctx.out().flush();
        int exit = exit(result.lines(), result.stopped().isPresent());
        if (rollbackOnFailure && result.stopped().isPresent() && !result.failedBatch().isEmpty()) {
            out.println("rolling back the batch that stopped the run: " + String.join(", ", result.failedBatch()));
            out.flush();
            int rolledBack = rollBack(id, result.failedBatch());
            if (rolledBack != ExitCode.OK) {
                ctx.err().println("nodefix: the rollback of that batch did not complete (exit " + rolledBack + "); run "
                        + rollback + " again");
                ctx.err().flush();
            }
        }
        return exit;
    }

    /** ansible-playbook's PLAYBOOK.retry, when ansible.cfg enables retry files: the failed and unreachable hosts. */
    private void retryFile(Map<String, HostEnd> ends, PrintWriter out) {
        List<String> hosts = ends.entrySet().stream().filter(e -> !e.getValue().complete()).map(Map.Entry::getKey).toList();
        RetryFile.write(inventory.ansibleConfig(ctx), file, hosts).ifPresent(out::println);
    }

    private static long hostsWith(PlaybookResult result, java.util.function.Predicate<TaskLine> line) {
        return result.lines().stream().filter(line).map(TaskLine::host).distinct().count();
    }

    private int rollBack(String id, List<String> hosts) {
        // under --json stdout holds the play's document alone: the rollback reports on stderr
        RollbackCommand rollback = new RollbackCommand(output.json() ? ctx.withOut(ctx.err()) : ctx);
        rollback.run = id;
        rollback.inventory = inventory.limitedTo(hosts);
        rollback.connection = connection;
        rollback.become = become;
        rollback.change = new ChangeOptions();
        rollback.change.yes = true;
        rollback.change.diff = change.diff;
        rollback.change.breakLock = change.breakLock;
        rollback.output = output;
        return rollback.call();
    }

    private PlayOptions options(Map<String, Object> vars) {
        Optional<Serial> batches;
        try {
            batches = Optional.ofNullable(serial).map(Serial::ofOption);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new PlayOptions(vars, batches, tags, skipTags, PlayOptions.GATE_TIMEOUT);
    }

    private static int exit(List<TaskLine> lines, boolean stopped) {
        if (stopped || lines.stream().anyMatch(l -> l.status() == TaskLine.Status.FAILED && !l.ignored())) {
            return ExitCode.HOST_FAILED;
        }
        return lines.stream().anyMatch(l -> l.status() == TaskLine.Status.UNREACHABLE) ? ExitCode.HOST_UNREACHABLE
                : ExitCode.OK;
    }
}
