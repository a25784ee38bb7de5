package dev.nodefix.cli;

import dev.nodefix.connect.Setup;
import dev.nodefix.engine.ChangeRun;
import dev.nodefix.engine.Connections;
import dev.nodefix.engine.HostPlan;
import dev.nodefix.engine.HostResult;
import dev.nodefix.engine.Task;
import dev.nodefix.inventory.Host;
import dev.nodefix.executor.BatchGate;
import dev.nodefix.executor.GateWatch;
import dev.nodefix.executor.PlayBatches;
import dev.nodefix.executor.RollbackBatches;
import dev.nodefix.playbook.Order;
import dev.nodefix.playbook.Serial;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.report.ChangeJson;
import dev.nodefix.report.ChangeText;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.Progress;
import dev.nodefix.report.WaitLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one path every changing command takes: plan on every host, show the plan, confirm, apply journaled
 * (servers one at a time first when a k3s restart is planned), report, and name the run to roll back.
 */
final class ChangeFlow {
    /**
     * @param what      how the run is listed in {@code nodefix runs}, e.g. {@code ethtool iface=flannel.1 ...}
     * @param inventory which inventory the run uses, for {@code run.json}
     */
    record Request(String what, RunKind kind, Optional<String> rollbackOf, List<Host> hosts,
                   Function<Host, List<Task>> tasks, String inventoryHint, Setup setup,
                   Optional<dev.nodefix.journal.InventoryUsed> inventory, Rolling rolling) {
        Request(String what, RunKind kind, Optional<String> rollbackOf, List<Host> hosts,
                Function<Host, List<Task>> tasks, String inventoryHint, Setup setup,
                Optional<dev.nodefix.journal.InventoryUsed> inventory) {
            this(what, kind, rollbackOf, hosts, tasks, inventoryHint, setup, inventory, Rolling.AT_ONCE);
        }

        Request(String what, RunKind kind, Optional<String> rollbackOf, List<Host> hosts,
                Function<Host, List<Task>> tasks, String inventoryHint, Setup setup) {
            this(what, kind, rollbackOf, hosts, tasks, inventoryHint, setup, Optional.empty());
        }
    }

    /**
     * How a run rolls through its hosts ({@link RollbackBatches}).
     *
     * @param runBatches the batches of the run a rollback undoes (empty: not recorded, or not a rollback)
     * @param serial {@code --serial}: servers one at a time, then the other hosts in batches of this size
     * @param gate whether the health gate runs after each batch that changed something, when there are several
     * @param server where the gate asks k3s about nodes
     */
    record Rolling(List<List<String>> runBatches, Optional<Serial> serial, boolean gate, Optional<Host> server) {
        static final Rolling AT_ONCE = new Rolling(List.of(), Optional.empty(), false, Optional.empty());
    }

    private final CliContext ctx;
    private final List<String> args;

    ChangeFlow(CliContext ctx) {
        this(ctx, List.of());
    }

    /** @param args the command line as given, for the retry hint (empty: none is shown) */
    ChangeFlow(CliContext ctx, List<String> args) {
        this.ctx = ctx;
        this.args = List.copyOf(args);
    }

    int run(Request req, ConnectionOptions conn, BecomeOptions become, ChangeOptions opts, OutputOptions output) {
        RemoteRun.Session session = new RemoteRun(ctx).session(req.setup(), conn, become);
        ChangeText text = new ChangeText(output.style(ctx.env(), ctx.interactive()), opts.diff, output.verbosity() > 0);
        PrintWriter out = ctx.out();
        try (Connections connections = new Connections(session.factory())) {
            ChangeRun run = new ChangeRun(connections, conn.forks(req.setup().forks()), session.become(), opts.breakLock,
                    ctx.services().expressions());
            Progress planning = new Progress(ctx.err(), req.hosts().size(), ctx.interactive());
            List<HostPlan> plans = run.plan(req.hosts(), req.tasks(), p -> planning.done(p.planned(), !p.unreachable()));
            planning.clear();
            if (output.json() && opts.check) {
                out.println(new ChangeJson().plan(plans));
                out.flush();
                return exitOfPlans(plans);
            }
            if (!output.json() || !opts.yes) {
                text.plan(output.json() ? ctx.err() : out, req.what(), plans);
            }
            List<HostPlan> changing = plans.stream().filter(p -> p.planned() && p.changeCount() > 0).toList();
            int changes = changing.stream().mapToInt(HostPlan::changeCount).sum();
            if (opts.breakLock && !opts.check) {
                run.breakIdleLocks(req.hosts().stream().filter(h -> plans.stream().anyMatch(p -> p.host().equals(h.name())
                        && p.planned())).toList(), changing.stream().map(HostPlan::host).toList())
                        .forEach((host, said) -> ctx.err().println(host + ": " + said));
            }
            if (opts.check || changing.isEmpty()) {
                if (!output.json()) {
                    out.println(opts.check ? "check: " + changes + " change(s) on " + changing.size()
                            + " host(s) would be made; nothing changed" : nothingChanged(plans));
                    out.flush();
                }
                if (!opts.check && req.kind() == RunKind.ROLLBACK) {
                    recordNothingToUndo(req, plans);
                }
                return exitOfPlans(plans);
            }
            if (!opts.yes && !confirmed(changes, changing.size())) {
                return ExitCode.USAGE;
            }
            Optional<BatchGate> gate = req.rolling().gate() ? Optional.of(new BatchGate(ctx.services().modules(),
                    dev.nodefix.executor.PlayOptions.GATE_TIMEOUT, conn.forks(req.setup().forks()), connections,
                    new dev.nodefix.engine.TaskSteps(session.become(), opts.breakLock, ctx.services().expressions()),
                    req.rolling().server()))
                    : Optional.empty();
            return apply(req, run, plans, changing, text, output, gate);
        }
    }

    /** Why nothing was applied: nothing to change, or hosts that refused, failed or could not be reached (never hidden). */
    private static String nothingChanged(List<HostPlan> plans) {
        long refused = plans.stream().filter(p -> !p.planned() && !p.unreachable()
                || p.plans().stream().anyMatch(tp -> tp.plan() instanceof dev.nodefix.module.Plan.Refused)).count();
        long unreachable = plans.stream().filter(HostPlan::unreachable).count();
        if (refused + unreachable == 0) {
            return "nothing to change";
        }
        return "nothing changed: " + (refused > 0 ? refused + " host(s) refused or failed" : "")
                + (refused > 0 && unreachable > 0 ? ", " : "") + (unreachable > 0 ? unreachable + " unreachable" : "")
                + " (the others had no change to make)";
    }

    private boolean confirmed(int changes, int hosts) {
        return confirmed("Apply " + changes + " change(s) on " + hosts + " host(s)?");
    }

    /** Asks on the terminal; without one (and so without --yes) the answer is no, and says so. */
    boolean confirmed(String question) {
        if (!ctx.interactive()) {
            ctx.err().println("nothing changed: " + question.replace("?", "") + " needs confirmation; there is no"
                    + " terminal to ask on, so pass --yes (or --check to only look)");
            ctx.err().flush();
            return false;
        }
        if (!ctx.confirm().test(question)) {
            ctx.err().println("nothing changed");
            ctx.err().flush();
            return false;
        }
        return true;
    }

    private int apply(Request req, ChangeRun run, List<HostPlan> plans, List<HostPlan> changing, ChangeText text,
                      OutputOptions output, Optional<BatchGate> gating) {
        List<String> names = changing.stream().map(HostPlan::host).toList();
        List<Host> hosts = req.hosts().stream().filter(h -> names.contains(h.name())).toList();
        Map<String, HostPlan> shown = plans.stream().collect(Collectors.toMap(HostPlan::host, p -> p));
        PrintWriter out = output.json() ? ctx.err() : ctx.out();
        RunRecording recording = RunRecording.start(ctx, req.kind(), req.rollbackOf(), req.what(), names, req.inventory(), out);
        String id = recording.id();
        Applied applied;
        try (RunJournal journal = recording.openJournal()) {
            applied = inBatches(batches(hosts, changing, req.rolling()), req, run, shown, journal, recording, text,
                    output, gating);
        }
        List<HostResult> results = applied.results();
        Optional<String> stopped = applied.stopped();
        List<HostResult> sorted = new ArrayList<>(results);
        plans.stream().filter(p -> !names.contains(p.host())).map(HostPlan::asResult).forEach(sorted::add);
        dev.nodefix.journal.RunMeta finished = recording.finish(results.stream().filter(r -> r.changedCount() > 0).count(),
                results.stream().filter(r -> r.status() == HostResult.Status.FAILED
                        || r.status() == HostResult.Status.LOCKED).count(),
                results.stream().filter(r -> r.status() == HostResult.Status.UNREACHABLE).count(),
                HostEnds.of(sorted), applied.ran());
        sorted.sort(java.util.Comparator.comparing(HostResult::host));
        RunRetry retry = RunRetry.of(finished);
        Optional<String> hint = RetryHint.line(args, retry);
        if (output.json()) {
            ctx.out().println(new ChangeJson().results(Optional.of(id), sorted, hint.map(h ->
                    new ChangeJson.Retry(retry.hosts(), RetryHint.shellLine(args, id))), stopped));
        } else {
            stopped.ifPresent(s -> ctx.out().println("STOPPED  " + s));
            text.recap(ctx.out(), sorted);
        }
        out.println("run " + id + " recorded; undo it with: nodefix rollback " + id + req.inventoryHint());
        hint.ifPresent(out::println);
        out.flush();
        ctx.out().flush();
        // a health gate that failed (also after the last batch) fails the run, as in play
        return stopped.isPresent() ? ExitCode.HOST_FAILED : exitOfResults(sorted);
    }

    /**
     * What applying did: each host's result, why no further batch ran (a failed health gate), and the batches
     * that ran, by host name.
     */
    private record Applied(List<HostResult> results, Optional<String> stopped, List<List<String>> ran) {
    }

    /**
     * Applies batch after batch. With several batches and a gate, each batch is announced and the health gate runs
     * after each that changed something; when it fails, the hosts of the batches left are not reached.
     */
    private Applied inBatches(List<List<Host>> batches, Request req, ChangeRun run, Map<String, HostPlan> shown,
                              RunJournal journal, RunRecording recording, ChangeText text, OutputOptions output,
                              Optional<BatchGate> gating) {
        List<HostResult> results = new ArrayList<>();
        List<List<String>> ran = new ArrayList<>();
        Optional<String> stopped = Optional.empty();
        Progress applying = new Progress(ctx.err(), batches.stream().mapToInt(List::size).sum(), ctx.interactive());
        Optional<BatchGate> gate = batches.size() > 1 ? gating : Optional.empty();
        for (int b = 0; b < batches.size(); b++) {
            List<Host> batch = batches.get(b);
            List<String> names = batch.stream().map(Host::name).toList();
            if (stopped.isPresent()) {
                names.forEach(h -> results.add(new HostResult(h, HostResult.Status.FAILED, List.of(),
                        "the run stopped before this host's batch; nothing changed here")));
                continue;
            }
            if (gate.isPresent() && !output.json()) {
                applying.clear();
                text.batch(ctx.out(), b, batches.size(), names);
            }
            List<HostResult> done = run.apply(List.of(batch), req.tasks(), shown, journal, recording.started(),
                    recording.holder(), r -> {
                        applying.clear();
                        if (!output.json()) {
                            text.result(ctx.out(), r);
                        }
                        applying.done(r.status() == HostResult.Status.OK || r.status() == HostResult.Status.CHANGED,
                                r.status() != HostResult.Status.UNREACHABLE);
                    });
            results.addAll(done);
            ran.add(names);
            if (gate.isPresent() && done.stream().anyMatch(r -> r.changedCount() > 0)) {
                applying.clear();
                stopped = gated(gate.get(), batch, done, b, batches.size(), text, output);
            }
        }
        applying.clear();
        return new Applied(results, stopped, ran);
    }

    /**
     * A rollback that finds nothing left to undo is still recorded (no node is touched), so {@code runs} and
     * {@code rollback --last} know which hosts of the run are done and which could not be reached.
     */
    private void recordNothingToUndo(Request req, List<HostPlan> plans) {
        List<HostResult> ends = plans.stream().map(HostPlan::asResult).toList();
        PrintWriter out = ctx.err();
        RunRecording recording = RunRecording.start(ctx, req.kind(), req.rollbackOf(), req.what(),
                ends.stream().map(HostResult::host).toList(), req.inventory(), out);
        recording.openJournal().close();
        recording.finish(0, ends.stream().filter(r -> r.status() == HostResult.Status.FAILED).count(),
                ends.stream().filter(r -> r.status() == HostResult.Status.UNREACHABLE).count(), HostEnds.of(ends));
    }

    /**
     * With {@code --serial}: servers one at a time, then the rest in batches of that size ({@link PlayBatches}). A
     * rollback of a rolling run in that run's order; otherwise servers one at a time before the rest when a k3s
     * restart is planned, else every host at once ({@link RollbackBatches}).
     */
    static List<List<Host>> batches(List<Host> hosts, List<HostPlan> plans, Rolling rolling) {
        if (rolling.serial().isPresent()) {
            return PlayBatches.of(hosts, Order.SERVERS_FIRST, rolling.serial().get());
        }
        boolean restarts = plans.stream().flatMap(p -> p.plans().stream()).flatMap(tp -> tp.plan().changeList().stream())
                .anyMatch(dev.nodefix.journal.RollbackPlanner::restartsK3s);
        return RollbackBatches.of(hosts, rolling.runBatches(), restarts);
    }

    /**
     * The health gate after a batch that changed something, on its hosts that did not fail; why the run stops
     * before the next batch when it fails.
     */
    private Optional<String> gated(BatchGate gate, List<Host> batch, List<HostResult> done, int b, int batches,
                                   ChangeText text, OutputOptions output) {
        List<String> failed = done.stream().filter(r -> r.status() != HostResult.Status.OK
                && r.status() != HostResult.Status.CHANGED).map(HostResult::host).toList();
        List<Host> healthy = batch.stream().filter(h -> !failed.contains(h.name())).toList();
        Optional<String> problem = gate.check(healthy, output.json() ? GateWatch.NONE
                : (what, waited, limit) -> ctx.err().println(WaitLine.of(what, waited, limit)));
        if (!output.json()) {
            text.gate(ctx.out(), healthy.stream().map(Host::name).toList(), problem);
        }
        return problem.map(why -> "health gate after batch " + (b + 1) + " of " + batches + " failed: " + why);
    }

    private static int exitOfPlans(List<HostPlan> plans) {
        boolean failed = plans.stream().anyMatch(p -> !p.planned() && !p.unreachable()
                || p.plans().stream().anyMatch(tp -> tp.plan() instanceof dev.nodefix.module.Plan.Refused));
        if (failed) {
            return ExitCode.HOST_FAILED;
        }
        return plans.stream().anyMatch(HostPlan::unreachable) ? ExitCode.HOST_UNREACHABLE : ExitCode.OK;
    }

    private static int exitOfResults(List<HostResult> results) {
        if (results.stream().anyMatch(r -> r.status() == HostResult.Status.FAILED || r.status() == HostResult.Status.LOCKED)) {
            return ExitCode.HOST_FAILED;
        }
        return results.stream().anyMatch(r -> r.status() == HostResult.Status.UNREACHABLE)
                ? ExitCode.HOST_UNREACHABLE : ExitCode.OK;
    }
}
