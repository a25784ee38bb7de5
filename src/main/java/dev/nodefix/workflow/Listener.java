package dev.nodefix.workflow;

import dev.nodefix.executor.PlayEvents;
import dev.nodefix.executor.PlaybookPlan;
import dev.nodefix.executor.PlaybookResult;
import dev.nodefix.executor.TaskLine;
import java.util.List;
import java.util.Optional;

/** What the workflow tells as it goes: the text and JSON reports implement it. */
public interface Listener {
    /** Every host is being planned: the events of the plan (a progress line). */
    PlayEvents planning(int hosts);

    /** The plan is made (a progress line ends). */
    void planned();

    /** A note for the operator beside the report (a lock broken, an interruption). */
    void note(String line);

    /** The plan the operator confirms. */
    void plan(String title, PlaybookPlan plan, Batches batches);

    /**
     * Nothing is applied (a check, nothing to change, a refused run): the plan's lines are the result.
     *
     * @param message the last line: what would be made, or why nothing was
     */
    void planOnly(String title, boolean check, PlaybookPlan plan, List<TaskLine> lines, Optional<String> stopped,
                  String message, Batches batches);

    /**
     * The batches each play would go through the hosts the plan changes, by play index (host names in order), as
     * the apply runs them: shown under the plan so an operator sees the rolling order before saying yes.
     */
    record Batches(List<List<List<String>>> byPlay) {
        public Batches {
            byPlay = List.copyOf(byPlay);
        }
    }

    /** The run is recorded as {@code run} and starts applying on {@code hosts} hosts: the events of the run. */
    PlayEvents applying(String run, int hosts);

    /**
     * The run ended.
     *
     * @param rollback the command that undoes it
     */
    void finished(String title, String run, PlaybookResult result, String rollback, Optional<Retry> retry);
}
