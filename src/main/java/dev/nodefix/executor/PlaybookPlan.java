package dev.nodefix.executor;

import dev.nodefix.engine.TaskPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A playbook planned on every host before anything changes: per host its task lines (changes to make, checks
 * that pass, fail or wait for the changes) and the plans the user confirms.
 *
 * @param fatal why nothing may be applied (a host fails its plan in a play with {@code any_errors_fatal})
 */
public record PlaybookPlan(List<Host> hosts, Optional<String> fatal) {
    /**
     * One host's plan.
     *
     * @param plans by task number: what was shown, so a task that plans otherwise when run is drift
     */
    public record Host(String name, List<TaskLine> lines, Map<Integer, TaskPlan> plans) {
        public Host {
            Objects.requireNonNull(name, "name");
            lines = List.copyOf(lines);
            plans = Map.copyOf(plans);
        }

        public int changeCount() {
            return lines.stream().filter(l -> l.status() == TaskLine.Status.CHANGED)
                    .mapToInt(l -> l.changes().size()).sum();
        }

        /** Its lines as the result of a run that did not change it: a planned change was not made. */
        public List<TaskLine> notRun(String why) {
            return lines.stream().map(l -> l.status() != TaskLine.Status.CHANGED ? l
                    : new TaskLine(l.play(), l.number(), l.title(), l.host(), TaskLine.Status.SKIPPED, false,
                            l.handler(), "not applied: " + why, List.of(), l.notes())).toList();
        }

        /** Its plan fails (a task fails, or the host is unreachable): it is left out of the run. */
        public boolean failing() {
            return lines.stream().anyMatch(TaskLine::failing);
        }
    }

    public PlaybookPlan {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(fatal, "fatal");
    }

    /** The hosts that will be changed: planned changes and a plan that does not fail. */
    public List<Host> changing() {
        return hosts.stream().filter(h -> h.changeCount() > 0 && !h.failing()).toList();
    }

    public int changeCount() {
        return changing().stream().mapToInt(Host::changeCount).sum();
    }

    public List<TaskLine> lines() {
        return hosts.stream().flatMap(h -> h.lines().stream()).toList();
    }

    /** Every host's lines as the result of a run that changed nothing (see {@link Host#notRun}). */
    public List<TaskLine> notRun(String why) {
        return hosts.stream().flatMap(h -> h.notRun(why).stream()).toList();
    }
}
