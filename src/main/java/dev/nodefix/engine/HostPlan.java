package dev.nodefix.engine;

import java.util.List;
import java.util.Objects;

/**
 * The plan for one host before anything is applied (what {@code --check} shows and the user confirms).
 *
 * @param plans one per task, in task order; empty when the host could not be planned
 * @param error why it could not be planned (unreachable, state unreadable); empty when planned
 */
public record HostPlan(String host, List<TaskPlan> plans, boolean unreachable, String error) {
    public HostPlan {
        Objects.requireNonNull(host, "host");
        plans = List.copyOf(plans);
        Objects.requireNonNull(error, "error");
    }

    public boolean planned() {
        return error.isEmpty();
    }

    public int changeCount() {
        return plans.stream().mapToInt(p -> p.plan().changeList().size()).sum();
    }

    /** The result of a host that is not applied to (nothing to change, refused, unreachable): what its plan said. */
    public HostResult asResult() {
        if (!planned()) {
            return new HostResult(host, unreachable ? HostResult.Status.UNREACHABLE : HostResult.Status.FAILED, List.of(),
                    error);
        }
        List<TaskResult> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            TaskPlan tp = plans.get(i);
            if (tp.plan() instanceof dev.nodefix.module.Plan.Refused r) {
                tasks.add(new TaskResult(i + 1, "task " + (i + 1), TaskResult.Outcome.REFUSED, r.reason(), List.of(), tp.notes()));
            } else if (tp.plan() instanceof dev.nodefix.module.Plan.NoOp n) {
                tasks.add(new TaskResult(i + 1, "task " + (i + 1), TaskResult.Outcome.OK, n.reason(), List.of(), tp.notes()));
            }
        }
        return HostResult.of(host, tasks);
    }
}
