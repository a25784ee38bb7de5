package dev.nodefix.engine;

import dev.nodefix.change.Change;
import dev.nodefix.journal.Afterwards;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RollbackPlanner;
import dev.nodefix.journal.RollbackStep;
import dev.nodefix.module.Plan;
import dev.nodefix.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tasks that roll back one host's share of a run: one per recorded task, last task first. Each reads
 * the state its changes observe right before it runs, so a task sees what the previous undo left.
 */
public final class RollbackTasks {
    private RollbackTasks() {}

    public static List<Task> of(String run, List<Recorded> recorded, boolean force) {
        return of(run, recorded, force, Afterwards.NONE, false);
    }

    /**
     * @param after what later runs did to {@code run}'s changes on this host
     * @param backendUndone see {@link RollbackPlanner#plan(List, Map, boolean, Afterwards, boolean)}
     */
    public static List<Task> of(String run, List<Recorded> recorded, boolean force, Afterwards after,
                                boolean backendUndone) {
        Map<Integer, List<Recorded>> byTask = new TreeMap<>(java.util.Comparator.reverseOrder());
        recorded.forEach(r -> byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r));
        List<Task> tasks = new ArrayList<>();
        int number = 0;
        for (List<Recorded> group : byTask.values()) {
            List<Query> reads = RollbackPlanner.reads(group);
            String name = "undo " + group.get(0).taskName();
            tasks.add(new Task(++number, name, reads,
                    state -> plan(run, RollbackPlanner.plan(group, state.values(), force, after, backendUndone))));
        }
        return tasks;
    }

    static TaskPlan plan(String run, List<RollbackStep> steps) {
        List<Change> changes = new ArrayList<>();
        List<Optional<String>> undoes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RollbackStep step : steps) {
            if (step.action() == RollbackStep.Action.UNDO) {
                changes.add(step.inverse().orElseThrow());
                undoes.add(Optional.of(run + "#" + step.original().seq()));
            } else {
                notes.add(step.action().label() + ": " + step.original().change().describe() + " (" + step.reason() + ")");
            }
        }
        List<String> running = steps.stream().filter(s -> s.action() == RollbackStep.Action.IN_FLIGHT)
                .map(s -> "change #" + s.original().seq() + " (" + s.original().change().describe() + ")").toList();
        if (!running.isEmpty()) {
            return new TaskPlan(new Plan.Refused(String.join(", ", running) + " of run " + run + " is still running on"
                    + " the node: its run died but its process did not, so it may still land; wait for it to end (or stop"
                    + " it), then roll back again"), List.of(), notes);
        }
        Plan plan = changes.isEmpty()
                ? new Plan.NoOp(notes.isEmpty() ? "nothing recorded" : "nothing to undo")
                : new Plan.Changes(changes);
        return new TaskPlan(plan, undoes, notes);
    }
}
