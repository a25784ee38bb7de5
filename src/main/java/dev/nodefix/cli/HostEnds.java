package dev.nodefix.cli;

import dev.nodefix.engine.HostResult;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RollbackStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How each host ended in a changing run, for {@code run.json}: a rollback that left a conflict did not finish the host. */
final class HostEnds {
    private static final String CONFLICT = RollbackStep.Action.CONFLICT.label() + ":";

    private HostEnds() {}

    static Map<String, HostEnd> of(List<HostResult> results) {
        Map<String, HostEnd> out = new LinkedHashMap<>();
        results.forEach(r -> out.put(r.host(), of(r)));
        return out;
    }

    private static HostEnd of(HostResult r) {
        HostEnd end = switch (r.status()) {
            case OK -> HostEnd.OK;
            case CHANGED -> HostEnd.CHANGED;
            case FAILED -> HostEnd.FAILED;
            case UNREACHABLE -> HostEnd.UNREACHABLE;
            case LOCKED -> HostEnd.LOCKED;
        };
        boolean conflict = r.tasks().stream().flatMap(t -> t.notes().stream()).anyMatch(n -> n.startsWith(CONFLICT));
        return end.complete() && conflict ? HostEnd.CONFLICT : end;
    }
}
