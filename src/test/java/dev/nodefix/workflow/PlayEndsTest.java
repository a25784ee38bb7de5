package dev.nodefix.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.journal.HostEnd;
import dev.nodefix.executor.TaskLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each host of a playbook run ended, as run.json keeps it for {@code --limit @RUN}. */
class PlayEndsTest {
    private static TaskLine line(int number, String host, TaskLine.Status status, boolean ignored) {
        return new TaskLine(0, number, "t" + number, host, status, ignored, false, "", List.of(), List.of());
    }

    @Test
    void theWorstLineDecidesAndAHostTheRunNeverReachedHasNoEnd() {
        Map<String, HostEnd> ends = PlayEnds.of(List.of(
                line(1, "ok", TaskLine.Status.OK, false),
                line(1, "changed", TaskLine.Status.OK, false), line(2, "changed", TaskLine.Status.CHANGED, false),
                line(1, "failed", TaskLine.Status.CHANGED, false), line(2, "failed", TaskLine.Status.FAILED, false),
                line(1, "ignored", TaskLine.Status.FAILED, true), line(2, "ignored", TaskLine.Status.SKIPPED, false),
                line(1, "down", TaskLine.Status.UNREACHABLE, false),
                line(0, "later", TaskLine.Status.SKIPPED, false)));

        assertThat(ends).containsExactlyInAnyOrderEntriesOf(Map.of("ok", HostEnd.OK, "changed", HostEnd.CHANGED,
                "failed", HostEnd.FAILED, "ignored", HostEnd.OK, "down", HostEnd.UNREACHABLE));
    }
}
