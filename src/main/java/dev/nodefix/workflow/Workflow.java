package dev.nodefix.workflow;

import dev.nodefix.executor.PlaybookPlan;
import dev.nodefix.executor.PlaybookResult;
import dev.nodefix.executor.PlaybookRun;
import dev.nodefix.executor.TaskLine;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one way every changing run goes ({@code play}, {@code run -m}, {@code rollback}): plan on every host, show
 * the plan, confirm, record, apply in batches (the executor), recap, and name the run that undoes it. {@code --check}
 * stops after the plan. A rollback with nothing left to undo is recorded all the same (no node is touched), so
 * {@code runs} and {@code rollback --last} know which hosts of the run are done.
 */
public final class Workflow {
    private final Recorder recorder;
    private final Confirm confirm;
    private final Listener listener;

    public Workflow(Recorder recorder, Confirm confirm, Listener listener) {
        this.recorder = recorder;
        this.confirm = confirm;
        this.listener = listener;
    }

    public Outcome run(PlaybookRun run, Request req, Settings settings) {
        PlaybookPlan plan = run.plan(listener.planning(run.hosts().size()));
        listener.planned();
        if (Thread.currentThread().isInterrupted()) {
            listener.note("interrupted while planning: nothing changed");
            return new Outcome(Outcome.Status.FAILED, Optional.empty(), Optional.empty(), List.of(), Map.of());
        }
        int changes = plan.changeCount();
        if (settings.breakLock() && !settings.check() && plan.fatal().isEmpty()) {
            run.breakIdleLocks(plan).forEach((host, said) -> listener.note(host + ": " + said));
        }
        if (plan.fatal().isPresent() || settings.check() || changes == 0) {
            return planOnly(req, settings, plan, new Listener.Batches(run.batches(plan)));
        }
        listener.plan(req.title(), plan, new Listener.Batches(run.batches(plan)));
        if (!settings.yes() && !confirm.ask("Apply " + changes + " change(s) on " + plan.changing().size()
                + " host(s)?")) {
            return Outcome.declined();
        }
        return apply(run, req, plan);
    }

    /** A check, a plan with nothing to change, or one that must not run: the plan's lines are the result. */
    private Outcome planOnly(Request req, Settings settings, PlaybookPlan plan, Listener.Batches batches) {
        Optional<String> stopped = plan.fatal().map(f -> "nothing changed: " + f);
        List<TaskLine> lines = settings.check() ? plan.lines() : plan.notRun(plan.fatal().isPresent()
                ? "the run was refused" : "this host's plan fails further on");
        boolean recorded = !settings.check() && stopped.isEmpty() && req.kind() == RunKind.ROLLBACK;
        String message = stopped.orElse(plan.changeCount() > 0 ? "check: " + plan.changeCount() + " change(s) on "
                + plan.changing().size() + " host(s) would be made; nothing changed"
                : nothingChanged(plan) + (recorded ? "" : "; no run recorded"));
        listener.planOnly(req.title(), settings.check(), plan, lines, stopped, message, batches);
        Map<String, HostEnd> ends = PlayEnds.of(lines);
        Optional<String> run = Optional.empty();
        if (recorded) {
            Recorder.Recording recording = recorder.start(req.kind(), req.rollbackOf(), req.what(),
                    plan.hosts().stream().map(PlaybookPlan.Host::name).toList(), req.inventory());
            recording.openJournal().close();
            recording.finish(0, count(ends, e -> e == HostEnd.FAILED), count(ends, e -> e == HostEnd.UNREACHABLE),
                    ends, List.of());
            run = Optional.of(recording.id());
        }
        return new Outcome(plan.fatal().isPresent() ? Outcome.Status.FAILED : Outcome.of(lines, false), run, stopped,
                List.of(), ends);
    }

    /** Why nothing is applied: nothing to change, or hosts that failed or could not be reached (never hidden). */
    private static String nothingChanged(PlaybookPlan plan) {
        long unreachable = plan.hosts().stream().filter(h -> h.lines().stream()
                .anyMatch(l -> l.status() == TaskLine.Status.UNREACHABLE)).count();
        long failed = plan.hosts().stream().filter(PlaybookPlan.Host::failing).count() - unreachable;
        if (failed + unreachable == 0) {
            return "nothing to change";
        }
        return "nothing changed: " + (failed > 0 ? failed + " host(s) refused or failed" : "")
                + (failed > 0 && unreachable > 0 ? ", " : "") + (unreachable > 0 ? unreachable + " unreachable" : "")
                + " (the others had no change to make)";
    }

    private Outcome apply(PlaybookRun run, Request req, PlaybookPlan plan) {
        List<String> names = plan.changing().stream().map(PlaybookPlan.Host::name).toList();
        Recorder.Recording recording = recorder.start(req.kind(), req.rollbackOf(), req.what(), names,
                req.inventory());
        String id = recording.id();
        BatchLog log = new BatchLog(listener.applying(id, names.size()));
        PlaybookResult result;
        try (RunJournal journal = recording.openJournal()) {
            result = run.apply(plan, journal, recording.started, recording.holder, log);
        }
        Map<String, HostEnd> ends = PlayEnds.of(result.lines());
        RunMeta finished = recording.finish(hostsWith(result, l -> l.status() == TaskLine.Status.CHANGED),
                hostsWith(result, l -> l.status() == TaskLine.Status.FAILED && !l.ignored()),
                hostsWith(result, l -> l.status() == TaskLine.Status.UNREACHABLE), ends, log.batches());
        listener.finished(req.title(), id, result, "nodefix rollback " + id + req.inventoryHint(),
                req.retry().apply(finished));
        return new Outcome(Outcome.of(result.lines(), result.stopped().isPresent()), Optional.of(id), result.stopped(),
                result.failedBatch(), ends);
    }

    private static long hostsWith(PlaybookResult result, Predicate<TaskLine> line) {
        return result.lines().stream().filter(line).map(TaskLine::host).distinct().count();
    }

    private static long count(Map<String, HostEnd> ends, Predicate<HostEnd> end) {
        return ends.values().stream().filter(end).count();
    }
}
