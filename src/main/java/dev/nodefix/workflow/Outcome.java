package dev.nodefix.workflow;

import dev.nodefix.executor.TaskLine;
import dev.nodefix.journal.HostEnd;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run through the workflow ended.
 *
 * @param run the recorded run, when one was
 * @param stopped why no further batch ran
 * @param failedBatch the hosts of the batch that stopped the run (what {@code --rollback-on-failure} undoes)
 * @param ends how each host ended
 */
public record Outcome(Status status, Optional<String> run, Optional<String> stopped, List<String> failedBatch,
                      Map<String, HostEnd> ends) {
    public enum Status {
        OK, FAILED, UNREACHABLE,
        /** nothing was applied: the operator said no, or could not be asked */
        DECLINED
    }

    public Outcome {
        failedBatch = List.copyOf(failedBatch);
        ends = Map.copyOf(ends);
    }

    static Outcome declined() {
        return new Outcome(Status.DECLINED, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    static Status of(List<TaskLine> lines, boolean stopped) {
        if (stopped || lines.stream().anyMatch(l -> l.status() == TaskLine.Status.FAILED && !l.ignored())) {
            return Status.FAILED;
        }
        return lines.stream().anyMatch(l -> l.status() == TaskLine.Status.UNREACHABLE) ? Status.UNREACHABLE
                : Status.OK;
    }
}
