package dev.nodefix.executor;

import dev.nodefix.change.Change;
import dev.nodefix.engine.Task;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskResult;
import dev.nodefix.engine.TaskSteps;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.module.ArgException;
import dev.nodefix.module.HostContext;
import dev.nodefix.module.Invocation;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.module.Plan;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.query.Query;
import dev.nodefix.query.StateException;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * One playbook task on one host: {@code when}, {@code {{ }}} in the arguments, the module bound for this host,
 * then planned ({@link #plan}) or applied journaled with {@code retries}/{@code until}, {@code changed_when},
 * {@code failed_when}, {@code ignore_errors} and {@code register} ({@link #apply}).
 */
final class TaskRunner {
    /** A task's line, and its plan when it got that far (what the user confirms; checked for drift). */
    record Step(TaskLine line, Optional<TaskPlan> plan) {
    }

    /** Where a task runs: the host, its connection, the steps with the become the task asks for. */
    record On(Host host, HostContext context, Transport transport, TaskSteps steps) {
    }

    private static final String NOTHING_HERE = "nothing to do on this host";

    private final ModuleRegistry registry;
    private final Sleeper sleeper;
    private final GivenTasks given;

    TaskRunner(ModuleRegistry registry, Sleeper sleeper) {
        this(registry, sleeper, GivenTasks.NONE);
    }

    TaskRunner(ModuleRegistry registry, Sleeper sleeper, GivenTasks given) {
        this.registry = registry;
        this.sleeper = sleeper;
        this.given = given;
    }

    /** Waits between tries (a test passes one that does not). */
    interface Sleeper {
        void sleep(Duration d);

        /** The time the tries are counted in (a test's sleeper that does not sleep may move a clock of its own). */
        default java.time.Instant now() {
            return java.time.Instant.now();
        }
    }

    /**
     * @param pending whether changes are planned before this task on the host: a check is then left for the
     *     run (DEFERRED), and a refusal too (those changes may lift it)
     */
    Step plan(On on, int play, int number, PlayTask task, HostScope scope, boolean handler, boolean pending,
              Map<Query, Object> cache) {
        Optional<String> unknown = scope.readsPending(task);
        String title = unknown.isPresent() ? task.title() : title(task, scope);
        Line line = new Line(play, number, title, on.host().name(), handler);
        if (unknown.isPresent()) {
            return pending(line.of(TaskLine.Status.DEFERRED, "reads " + unknown.get() + ", which a task above registers"
                    + " when it runs"), task, scope);
        }
        try {
            Optional<String> skip = scope.firstFalse(task.when(), Map.of());
            if (skip.isPresent()) {
                String why = "when: " + skip.get() + " is false";
                // confirmed: this task does nothing; if it would change the node when run, that is drift
                return done(line.of(TaskLine.Status.SKIPPED, why), task, scope, Optional.empty(), 0,
                        TaskPlan.of(new Plan.NoOp("skipped, " + why)));
            }
            if (pending && checksOnly(task)) {
                return pending(line.of(TaskLine.Status.DEFERRED, "checked when run, after the changes above"), task,
                        scope);
            }
            Optional<Task> bound = bind(task, scope, on, number, line.title);
            if (bound.isEmpty()) {
                return done(line.of(TaskLine.Status.SKIPPED, NOTHING_HERE), task, scope, Optional.empty(), 0,
                        TaskPlan.of(new Plan.NoOp(NOTHING_HERE)));
            }
            TaskPlan plan = on.steps().plan(on.transport(), on.host(), bound.get(), cache);
            TaskLine planned;
            if (plan.plan() instanceof Plan.NoOp n) {
                planned = line.of(TaskLine.Status.OK, n.reason(), plan);
            } else if (plan.plan() instanceof Plan.Refused r) {
                planned = pending
                        ? line.of(TaskLine.Status.DEFERRED, "refused now, re-checked after the changes above: "
                        + r.reason(), plan) : failed(line, task, r.reason(), plan);
            } else {
                planned = line.of(TaskLine.Status.CHANGED, "", plan);
            }
            if (planned.status() == TaskLine.Status.CHANGED || planned.status() == TaskLine.Status.DEFERRED) {
                return new Step(pending(planned, task, scope).line(), Optional.of(plan));
            }
            return done(planned, task, scope, Optional.empty(), 1, plan);
        } catch (ExpressionException | ArgException | StateException | IllegalArgumentException e) {
            return done(failed(line, task, located(task, e), null), task, scope, Optional.empty(), 0);
        }
    }

    /**
     * What the task would read on this host if it ran now (for reading a play's state in one round trip);
     * nothing when it is skipped, a check left for later, or cannot be bound yet (it reads a register).
     */
    List<Query> reads(On on, PlayTask task, HostScope scope, boolean pending) {
        try {
            if (scope.firstFalse(task.when(), Map.of()).isPresent() || pending && checksOnly(task)) {
                return List.of();
            }
            return bind(task, scope, on, 0, "").map(t -> t.reads().stream().filter(TaskSteps::cacheable).toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            return List.of(); // it fails the same way when planned, and says so there
        }
    }

    /**
     * What the task may read on this host, told before the host's facts are read (so that they are read in the
     * same round trip): as {@link #reads}, but a {@code when} that cannot be told yet (it reads facts or a
     * register) does not rule the task out. A guess that only saves round trips: the plan still reads what it
     * needs and the guess lacks, a guessed read that fails fails only a task that reads it, and a read ahead
     * that times out is dropped ({@link TaskSteps#readAhead}).
     */
    List<Query> readsAhead(On on, PlayTask task, HostScope scope) {
        try {
            Module<?> module = registry.get(task.module());
            try {
                if (scope.firstFalse(task.when(), Map.of()).isPresent()) {
                    return List.of();
                }
            } catch (ExpressionException e) {
                // told once the facts are in: read as if it holds
            }
            return bind(module, task, scope, on.context(), 0, "").reads().stream().filter(TaskSteps::cacheable)
                    .toList();
        } catch (RuntimeException e) {
            return List.of(); // its arguments need the facts or a register: read when planned
        }
    }

    /**
     * @param confirmed the plan the user confirmed, while nothing changed the host since it was made
     * @param events told of each retry of an {@code until}/{@code retries} loop
     */
    Step apply(On on, int play, int number, PlayTask task, HostScope scope, boolean handler,
               Optional<TaskPlan> confirmed, RunJournal journal, String run, IntSupplier seq, PlayEvents events) {
        Line line = new Line(play, number, title(task, scope), on.host().name(), handler);
        try {
            Optional<String> skip = scope.firstFalse(task.when(), Map.of());
            if (skip.isPresent()) {
                return done(line.of(TaskLine.Status.SKIPPED, "when: " + skip.get() + " is false"), task, scope,
                        Optional.empty(), 0);
            }
            Optional<Task> found = bind(task, scope, on, number, line.title);
            if (found.isEmpty()) {
                return done(line.of(TaskLine.Status.SKIPPED, NOTHING_HERE), task, scope, Optional.empty(), 0);
            }
            Task bound = found.get();
            Optional<TaskPlan> expected = confirmed;
            List<Change> applied = new ArrayList<>(); // over every attempt: an early try may have changed the node
            java.time.Instant first = sleeper.now();
            for (int attempt = 1; ; attempt++) {
                if (attempt > 1) {
                    events.retrying(line.title, line.host, attempt, task.retries() + 1,
                            Duration.between(first, sleeper.now()));
                }
                TaskResult r = on.steps().apply(on.transport(), on.host(), bound, expected, journal, run, seq);
                applied.addAll(r.changes());
                TaskLine result = withChanges(judged(line.of(r), r, task, scope, attempt), applied, task);
                Map<String, Object> registered = Registered.of(result, r.output(), attempt);
                boolean drift = r.outcome() == TaskResult.Outcome.DRIFT;
                boolean again;
                if (task.until().isPresent() && !drift) {
                    again = scope.firstFalse(List.of(task.until().get()), ownRegister(task, registered)).isPresent();
                    if (again && attempt > task.retries()) {
                        result = failed(line, task, "until: " + task.until().get() + " still false after " + attempt
                                + " attempt(s)" + (result.detail().isEmpty() ? "" : "; last: " + result.detail()), null,
                                applied);
                        registered = Registered.of(result, r.output(), attempt);
                    }
                } else {
                    again = result.status() == TaskLine.Status.FAILED && !drift;
                }
                if (!again || attempt > task.retries()) {
                    Map<String, Object> finalRegistered = registered;
                    task.register().ifPresent(name -> scope.register(name, finalRegistered));
                    return new Step(result, Optional.empty());
                }
                expected = Optional.empty(); // a retry plans against what the previous try left
                sleeper.sleep(task.delay());
            }
        } catch (ExpressionException | ArgException | StateException | IllegalArgumentException e) {
            return done(failed(line, task, located(task, e), null), task, scope, Optional.empty(), 0);
        }
    }

    /** The line with every change its attempts made; an ok line that changed the node is changed. */
    private static TaskLine withChanges(TaskLine l, List<Change> applied, PlayTask task) {
        if (applied.equals(l.changes())) {
            return l;
        }
        boolean changed = l.status() == TaskLine.Status.OK && !applied.isEmpty() && task.changedWhen().isEmpty();
        return new TaskLine(l.play(), l.number(), l.title(), l.host(), changed ? TaskLine.Status.CHANGED : l.status(),
                l.ignored(), l.handler(), l.detail(), applied, l.notes());
    }

    /** {@code changed_when} and {@code failed_when} over what the task registered. */
    private TaskLine judged(TaskLine line, TaskResult r, PlayTask task, HostScope scope, int attempt) {
        if (r.outcome() == TaskResult.Outcome.DRIFT) {
            return line; // a safety stop: no condition of the playbook turns it into ok, nor ignores it
        }
        Optional<CommandResult> output = r.output();
        if (task.changedWhen().isEmpty() && task.failedWhen().isEmpty()) {
            return line.status() == TaskLine.Status.FAILED && task.ignoreErrors() ? ignored(line) : line;
        }
        Map<String, Object> own = ownRegister(task, Registered.of(line, output, attempt));
        TaskLine out = line;
        if (!task.changedWhen().isEmpty() && out.status() == TaskLine.Status.CHANGED
                && scope.firstFalse(task.changedWhen(), own).isPresent()) {
            out = with(out, TaskLine.Status.OK, "changed_when is false");
        }
        if (!task.failedWhen().isEmpty() && out.status() != TaskLine.Status.UNREACHABLE) {
            boolean fails = scope.firstFalse(task.failedWhen(), own).isEmpty();
            if (fails) {
                out = with(out, TaskLine.Status.FAILED, "failed_when: " + String.join(" and ", task.failedWhen()));
            } else if (out.status() == TaskLine.Status.FAILED) {
                out = with(out, TaskLine.Status.OK, "failed_when is false (was: " + out.detail() + ")");
            }
        }
        return out.status() == TaskLine.Status.FAILED && task.ignoreErrors() ? ignored(out) : out;
    }

    private static Map<String, Object> ownRegister(PlayTask task, Map<String, Object> registered) {
        return task.register().<Map<String, Object>>map(name -> Map.of(name, registered)).orElse(Map.of());
    }

    /** A planned line whose result is known only when the task runs: its register is pending. */
    private static Step pending(TaskLine line, PlayTask task, HostScope scope) {
        task.register().ifPresent(name -> scope.registerPending(name, Registered.of(line, Optional.empty(), 0)));
        return new Step(line, Optional.empty());
    }

    private Step done(TaskLine line, PlayTask task, HostScope scope, Optional<CommandResult> output, int attempts) {
        return done(line, task, scope, output, attempts, null);
    }

    private Step done(TaskLine line, PlayTask task, HostScope scope, Optional<CommandResult> output, int attempts,
                      TaskPlan plan) {
        task.register().ifPresent(name -> scope.register(name, Registered.of(line, output, attempts)));
        return new Step(line, Optional.ofNullable(plan));
    }

    /** Whether the task only checks (a check planned after changes waits for them); a given task changes. */
    private boolean checksOnly(PlayTask task) {
        return !given.gives(task) && registry.get(task.module()).checksOnly();
    }

    /** The task bound for this host: its given task, or its module over its filled arguments; empty: nothing here. */
    private Optional<Task> bind(PlayTask task, HostScope scope, On on, int number, String title) {
        if (given.gives(task)) {
            return given.on(task, on.host(), on.context()).map(t -> new Task(number, t.name(), t.reads(), t.planner()));
        }
        return Optional.of(bind(registry.get(task.module()), task, scope, on.context(), number, title));
    }

    private Task bind(Module<?> module, PlayTask task, HostScope scope, HostContext context, int number, String title) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = new LinkedHashMap<>((Map<String, Object>) scope.fill(task.args()));
        if (module.name().equals("assert")) {
            Map<String, Object> vars = new LinkedHashMap<>(scope.userVars());
            if (raw.get("vars") instanceof Map<?, ?> own) {
                own.forEach((k, v) -> vars.put(String.valueOf(k), v));
            }
            raw.put("vars", vars);
        }
        Invocation invocation = module.invoke(raw);
        return new Task(number, title, invocation.readsFor(context), state -> TaskPlan.of(invocation.plan(state)));
    }

    /** An expression's failure names the task's place in the playbook, so the user can find the expression. */
    private static String located(PlayTask task, RuntimeException e) {
        return e instanceof ExpressionException ? task.location() + ": " + e.getMessage() : e.getMessage();
    }

    private static String title(PlayTask task, HostScope scope) {
        try {
            return String.valueOf(scope.fill(task.title()));
        } catch (ExpressionException e) {
            return task.title();
        }
    }

    private static TaskLine failed(Line line, PlayTask task, String why, TaskPlan plan) {
        return failed(line, task, why, plan, List.of());
    }

    private static TaskLine failed(Line line, PlayTask task, String why, TaskPlan plan, List<Change> changes) {
        TaskLine out = new TaskLine(line.play, line.number, line.title, line.host, TaskLine.Status.FAILED, false,
                line.handler, why, changes, plan == null ? List.of() : plan.notes());
        return task.ignoreErrors() ? ignored(out) : out;
    }

    private static TaskLine ignored(TaskLine l) {
        return new TaskLine(l.play(), l.number(), l.title(), l.host(), l.status(), true, l.handler(), l.detail(),
                l.changes(), l.notes());
    }

    private static TaskLine with(TaskLine l, TaskLine.Status status, String detail) {
        return new TaskLine(l.play(), l.number(), l.title(), l.host(), status, false, l.handler(), detail, l.changes(),
                l.notes());
    }

    /** The fixed parts of a task's line on a host. */
    private record Line(int play, int number, String title, String host, boolean handler) {
        TaskLine of(TaskLine.Status status, String detail) {
            return new TaskLine(play, number, title, host, status, false, handler, detail, List.of(), List.of());
        }

        TaskLine of(TaskLine.Status status, String detail, TaskPlan plan) {
            return new TaskLine(play, number, title, host, status, false, handler, detail,
                    status == TaskLine.Status.CHANGED ? plan.plan().changeList() : List.of(), plan.notes());
        }

        TaskLine of(TaskResult r) {
            TaskLine.Status status = switch (r.outcome()) {
                case OK -> TaskLine.Status.OK;
                case CHANGED -> TaskLine.Status.CHANGED;
                case FAILED, REFUSED, DRIFT -> TaskLine.Status.FAILED;
            };
            String detail = r.outcome() == TaskResult.Outcome.REFUSED ? "refused: " + r.detail()
                    : r.outcome() == TaskResult.Outcome.DRIFT ? "drift: " + r.detail() : r.detail();
            return new TaskLine(play, number, title, host, status, false, handler, detail, r.changes(), r.notes());
        }
    }
}
