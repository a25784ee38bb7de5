package dev.nodefix.workflow;

import dev.nodefix.engine.RollbackTasks;
import dev.nodefix.engine.Task;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.executor.GivenTasks;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Location;
import dev.nodefix.journal.Afterwards;
import dev.nodefix.journal.Recorded;
import dev.nodefix.module.HostContext;
import dev.nodefix.module.Invocation;
import dev.nodefix.playbook.Order;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.Serial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A playbook built in code for the executor, with the tasks whose plan is given per host: {@code run -m} is one play
 * of one task over the selected hosts; a rollback is one play whose tasks undo the run's recorded tasks, last first.
 * Gather off; batches and the health gate as the executor's {@link dev.nodefix.executor.Batching} says.
 */
public record GeneratedPlay(Playbook book, GivenTasks given) {
    /**
     * {@code run -m MODULE -a ARGS}.
     *
     * @param what the module and its arguments, as typed
     */
    public static GeneratedPlay module(String what, String module, Map<String, Object> args, Invocation invocation) {
        PlayTask task = task(what, module, args, new Location("run -m", 0, 0));
        return new GeneratedPlay(book(what, List.of(task), Optional.empty(), "run -m"), new GivenTasks(Map.of(task,
                (host, context) -> Optional.of(new Task(1, what, invocation.readsFor(context),
                        state -> TaskPlan.of(invocation.plan(state)))))));
    }

    /**
     * {@code rollback RUN}: per task of the run (last first), the inverses of the changes it recorded on each host,
     * planned against the node as it is then ({@link RollbackTasks}); a host the task did not change skips it.
     *
     * @param recorded the run's changes by host
     * @param after what later runs did to the run's changes, by host
     * @param maxFailPercentage stop before the next batch when more than this share of a batch failed
     */
    public static GeneratedPlay rollback(String run, Map<String, List<Recorded>> recorded, boolean force,
                                         Map<String, Afterwards> after, boolean backendUndone,
                                         Optional<Integer> maxFailPercentage) {
        Map<Integer, String> names = new TreeMap<>(Comparator.reverseOrder());
        recorded.values().forEach(rs -> rs.forEach(r -> names.putIfAbsent(r.task(), r.taskName())));
        Location where = new Location("rollback " + run, 0, 0);
        List<PlayTask> tasks = new ArrayList<>();
        Map<PlayTask, BiFunction<Host, HostContext, Optional<Task>>> given = new LinkedHashMap<>();
        names.forEach((number, name) -> {
            PlayTask task = task("undo " + name, "rollback", Map.of("run", run, "task", number), where);
            tasks.add(task);
            given.put(task, (host, context) -> {
                List<Recorded> mine = recorded.getOrDefault(host.name(), List.of()).stream()
                        .filter(r -> r.task() == number).toList();
                return mine.isEmpty() ? Optional.empty() : RollbackTasks.of(run, mine, force,
                        after.getOrDefault(host.name(), Afterwards.NONE), backendUndone).stream().findFirst();
            });
        });
        return new GeneratedPlay(book("rollback " + run, tasks, maxFailPercentage, "rollback"), new GivenTasks(given));
    }

    private static PlayTask task(String name, String module, Map<String, Object> args, Location where) {
        return new PlayTask(name, module, args, List.of(), Optional.empty(), List.of(), 0, Optional.empty(),
                Duration.ZERO, List.of(), Optional.empty(), false, List.of(), List.of(), where);
    }

    private static Playbook book(String name, List<PlayTask> tasks, Optional<Integer> maxFailPercentage, String file) {
        return new Playbook(Path.of(file), List.of(new Play(name, "all", Map.of(), Serial.ALL, Order.SERVERS_FIRST,
                maxFailPercentage, false, false, Optional.empty(), tasks, List.of(), new Location(file, 0, 0))));
    }
}
