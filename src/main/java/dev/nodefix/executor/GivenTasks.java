package dev.nodefix.executor;

import dev.nodefix.engine.Task;
import dev.nodefix.inventory.Host;
import dev.nodefix.module.HostContext;
import dev.nodefix.playbook.PlayTask;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Tasks of a generated play whose plan the caller gives per host, instead of binding the task's module through
 * the registry: {@code run -m} (the module invoked once from {@code -a}, no templating) and a rollback (the
 * inverses of one recorded task, planned against the node as it is). Their reads, plan and journaled apply go the
 * executor's way like any task's. Empty for a host: the task has nothing to do there (skipped).
 */
public final class GivenTasks {
    public static final GivenTasks NONE = new GivenTasks(Map.of());

    private final Map<PlayTask, BiFunction<Host, HostContext, Optional<Task>>> byTask;

    /** @param byTask by the play's task (the same instance), its task on a host among the inventory's nodes */
    public GivenTasks(Map<PlayTask, BiFunction<Host, HostContext, Optional<Task>>> byTask) {
        this.byTask = new IdentityHashMap<>(byTask);
    }

    boolean gives(PlayTask task) {
        return byTask.containsKey(task);
    }

    /** The task on this host; empty when it has nothing to do there. */
    Optional<Task> on(PlayTask task, Host host, HostContext context) {
        return byTask.get(task).apply(host, context);
    }
}
