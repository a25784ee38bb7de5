package dev.nodefix.journal;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.Landing;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.change.ServiceChange;
import dev.nodefix.change.UnitEnablementChange;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.query.OffloadState;
import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pure: decides, for the recorded changes of one task on one host, which to undo, from the node's current
 * state. A change whose after-image is in place is undone; one whose before-image is in place never landed
 * or was undone already (so rolling back twice does nothing); anything else is a conflict, left alone
 * unless forced. Changes are undone in reverse order, then the task's triggers (reload, restart) run again
 * once, and only if something was undone.
 */
public final class RollbackPlanner {
    private RollbackPlanner() {}

    /** The state to read before planning: what each recorded change observes. */
    public static List<Query> reads(List<Recorded> task) {
        return task.stream().map(r -> r.change().observes()).flatMap(Optional::stream).distinct().toList();
    }

    public static List<RollbackStep> plan(List<Recorded> task, Map<Query, Object> observed, boolean force) {
        return plan(task, observed, force, Afterwards.NONE, false);
    }

    /**
     * @param after what later runs did: a change an earlier rollback undid is never undone again, and one whose
     *     thing a later run changed is that run's now (a conflict naming it, unless forced)
     * @param backendUndone the run switched the flannel backend on a server, which its rollback switches back:
     *     a k3s or k3s-agent restart of this task runs again even if nothing in the task itself was undone (an
     *     agent picks up the server's backend only when it restarts)
     */
    public static List<RollbackStep> plan(List<Recorded> task, Map<Query, Object> observed, boolean force,
                                          Afterwards after, boolean backendUndone) {
        Map<Query, Object> state = new HashMap<>(observed);
        List<RollbackStep> steps = new ArrayList<>();
        boolean undid = false;
        for (int i = task.size() - 1; i >= 0; i--) {
            Recorded r = task.get(i);
            if (r.change().trigger()) {
                continue;
            }
            int at = i;
            RollbackStep step = boundTo(r, state, force, after).orElseGet(() -> undoneAlready(task, at, state)
                    ? new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(),
                            "already undone (the file is as it was before an earlier change of this task)")
                    : step(r, state, force));
            if (step.action() == RollbackStep.Action.UNDO) {
                undid = true;
                r.change().observes().ifPresent(q -> state.put(q, afterUndo(r.change(), state.get(q))));
            }
            steps.add(step);
        }
        List<Change> triggersDone = new ArrayList<>();
        for (Recorded r : task) {
            if (!r.change().trigger()) {
                continue;
            }
            Change inverse = r.change().inverse().orElseThrow();
            if (!undid && !(backendUndone && restartsAgent(r.change()))) {
                steps.add(new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(), "nothing in this task was undone"));
            } else if (triggersDone.contains(inverse)) {
                steps.add(new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(), "already runs once for this task"));
            } else {
                triggersDone.add(inverse);
                steps.add(new RollbackStep(r, RollbackStep.Action.UNDO, Optional.of(inverse), "after the task's undo"));
            }
        }
        return steps;
    }

    /** A restart of k3s or k3s-agent (how an agent picks up the cluster's flannel backend). */
    public static boolean restartsK3s(Change c) {
        return c instanceof dev.nodefix.change.K3sRestart
                || c instanceof dev.nodefix.change.ServiceChange s && s.unit().matches("k3s(-agent)?(\\.service)?");
    }

    /** A plain k3s or k3s-agent restart (not the backend switch's own restart, which its file undo decides). */
    private static boolean restartsAgent(Change c) {
        return !(c instanceof dev.nodefix.change.K3sRestart) && restartsK3s(c);
    }

    /** Whether the run switched a server's flannel backend (a k3s restart with a backend change that landed). */
    public static boolean switchedBackend(Map<String, List<Recorded>> byHost) {
        return byHost.values().stream().flatMap(List::stream)
                .anyMatch(r -> r.change() instanceof dev.nodefix.change.K3sRestart && r.status() == Recorded.Status.DONE);
    }

    /**
     * The step a change gets from what later runs did: still running on the node (never undone under it), undone
     * already by an earlier rollback, or in the hands of a later run; empty when the node's state decides.
     */
    private static Optional<RollbackStep> boundTo(Recorded r, Map<Query, Object> state, boolean force, Afterwards after) {
        Optional<String> later = r.change().observes().map(after.changedBy()::get);
        String laterNote = later.map(b -> "; run " + b + " changed it since: roll that run back for its change").orElse("");
        if (r.status() == Recorded.Status.RUNNING) {
            return Optional.of(new RollbackStep(r, RollbackStep.Action.IN_FLIGHT, Optional.empty(),
                    "still running on the node (the dead run's process is alive): wait for it to end, then roll back again"));
        }
        if (after.undoneBy().containsKey(r.seq())) {
            return Optional.of(new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(),
                    "undone already by rollback " + after.undoneBy().get(r.seq()) + laterNote));
        }
        if (later.isEmpty() || r.status() == Recorded.Status.UNCHANGED) {
            return Optional.empty();
        }
        Change c = r.change();
        if (c.landing(state.get(c.observes().orElseThrow())) == Landing.NOT_APPLIED || c.inverse().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(force
                ? new RollbackStep(r, RollbackStep.Action.UNDO, c.inverse(), "run " + later.get()
                        + " changed it since; --force restores this run's before-image")
                : new RollbackStep(r, RollbackStep.Action.CONFLICT, Optional.empty(), "run " + later.get()
                        + " changed it since; left alone: roll back " + later.get() + " first, or --force"));
    }

    private static RollbackStep step(Recorded r, Map<Query, Object> state, boolean force) {
        Change c = r.change();
        if (r.status() == Recorded.Status.UNCHANGED) {
            return new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(), "it changed nothing (changed_when was false)");
        }
        Landing landing = c.observes().map(q -> c.landing(state.get(q))).orElse(Landing.UNKNOWN);
        if (landing == Landing.NOT_APPLIED) {
            String why = r.status() == Recorded.Status.DONE ? "already undone (the before-image is in place)"
                    : "never landed (" + r.status().label() + "; the before-image is in place)";
            return new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(), why);
        }
        if (c.inverse().isEmpty()) {
            return new RollbackStep(r, RollbackStep.Action.IRREVERSIBLE, Optional.empty(), "no undo was given");
        }
        if (landing == Landing.DIFFERENT) {
            return force
                    ? new RollbackStep(r, RollbackStep.Action.UNDO, c.inverse(), "changed since the run; --force restores it")
                    : new RollbackStep(r, RollbackStep.Action.CONFLICT, Optional.empty(),
                            "changed since the run (neither the run's result nor the original); left alone, --force restores it");
        }
        if (landing == Landing.UNKNOWN && r.status() != Recorded.Status.DONE) {
            return force
                    ? new RollbackStep(r, RollbackStep.Action.UNDO, c.inverse(), r.status().label() + "; --force undoes it")
                    : new RollbackStep(r, RollbackStep.Action.SKIP, Optional.empty(),
                            r.status().label() + " in the run and nothing shows whether it ran; --force undoes it");
        }
        return new RollbackStep(r, RollbackStep.Action.UNDO, c.inverse(),
                landing == Landing.APPLIED ? "in place" : "recorded done");
    }

    /**
     * Whether a file change that is neither in place nor undone finds the file as it was before an earlier
     * change of the same task to the same file: the task was undone past it already (a second rollback of
     * a task that wrote one file twice), not a conflict.
     */
    private static boolean undoneAlready(List<Recorded> task, int i, Map<Query, Object> state) {
        if (!(task.get(i).change() instanceof FileChange f)) {
            return false;
        }
        Object now = state.get(f.observes().orElseThrow());
        if (f.landing(now) != Landing.DIFFERENT) {
            return false;
        }
        return task.subList(0, i).stream().map(Recorded::change)
                .anyMatch(c -> c instanceof FileChange e && e.path().equals(f.path()) && e.landing(now) == Landing.NOT_APPLIED);
    }

    /** The observation as it will be once {@code c} is undone, so a later-recorded change on the same thing plans right. */
    private static Object afterUndo(Change c, Object now) {
        if (c instanceof FileChange f) {
            return f.before();
        }
        if (c instanceof OffloadChange o && now instanceof OffloadState s) {
            Map<String, EthtoolFeatures.Feature> features = new TreeMap<>(s.features().features());
            EthtoolFeatures.Feature old = features.get(o.feature());
            features.put(o.feature(), new EthtoolFeatures.Feature(o.before(), old != null && old.fixed()));
            return new OffloadState(s.iface(), new EthtoolFeatures(true, features));
        }
        if (c instanceof UnitEnablementChange u && now instanceof UnitState s) {
            return new UnitState(s.unit(), s.exists(), u.before() ? "enabled" : "disabled", s.active());
        }
        if (c instanceof ServiceChange sc && now instanceof UnitState s) {
            return new UnitState(s.unit(), s.exists(), s.enablement(),
                    sc.action() == ServiceChange.Action.START ? "inactive" : "active");
        }
        return now;
    }
}
