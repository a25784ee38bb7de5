package dev.nodefix.workflow;

import dev.nodefix.executor.TaskLine;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RollbackStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each host ended in a run, for {@code run.json}: unreachable, failed (a failure no {@code ignore_errors} let
 * pass, a lock it could not take), changed or ok; a rollback that left a conflict did not finish the host. A host whose batch never came because
 * the run stopped before gets no end: it is not done, and {@code --limit @RUN} selects it.
 */
public final class PlayEnds {
    private static final String CONFLICT = RollbackStep.Action.CONFLICT.label() + ":";

    private PlayEnds() {}

    public static Map<String, HostEnd> of(List<TaskLine> lines) {
        Map<String, HostEnd> out = new LinkedHashMap<>();
        java.util.Set<String> notReached = new java.util.HashSet<>();
        for (TaskLine l : lines) {
            if (notReached(l)) {
                notReached.add(l.host());
            }
            HostEnd end = end(l);
            out.merge(l.host(), end, (a, b) -> rank(b) > rank(a) ? b : a);
        }
        lines.stream().filter(l -> l.notes().stream().anyMatch(n -> n.startsWith(CONFLICT))).map(TaskLine::host)
                .forEach(h -> out.computeIfPresent(h, (k, end) -> end.complete() ? HostEnd.CONFLICT : end));
        notReached.forEach(h -> {
            if (out.get(h).complete()) {
                out.remove(h);
            }
        });
        return out;
    }

    /** The line the run gives a host whose batch it never reached (task number 0: tasks count from 1). */
    private static boolean notReached(TaskLine l) {
        return l.number() == 0 && l.status() == TaskLine.Status.SKIPPED;
    }

    private static HostEnd end(TaskLine l) {
        return switch (l.status()) {
            case UNREACHABLE -> HostEnd.UNREACHABLE;
            case FAILED -> l.ignored() ? HostEnd.OK : HostEnd.FAILED;
            case CHANGED -> HostEnd.CHANGED;
            case OK, SKIPPED, DEFERRED -> HostEnd.OK;
        };
    }

    private static int rank(HostEnd end) {
        return switch (end) {
            case OK -> 0;
            case CHANGED -> 1;
            case CONFLICT, LOCKED -> 2;
            case FAILED -> 3;
            case UNREACHABLE -> 4;
        };
    }
}
