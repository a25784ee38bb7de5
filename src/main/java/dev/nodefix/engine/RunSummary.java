package dev.nodefix.engine;

import java.time.Duration;
import java.util.List;

/** Counts over a run's host results, and the exit status they imply (Ansible's: 2 failed, 4 unreachable). */
public record RunSummary(int hosts, int ok, int failed, int unreachable, Duration elapsed) {
    public static RunSummary of(List<HostRun> runs, Duration elapsed) {
        int ok = 0;
        int failed = 0;
        int unreachable = 0;
        for (HostRun run : runs) {
            if (run instanceof HostRun.Unreachable) {
                unreachable++;
            } else if (run.ok()) {
                ok++;
            } else {
                failed++;
            }
        }
        return new RunSummary(runs.size(), ok, failed, unreachable, elapsed);
    }

    public boolean anyFailed() {
        return failed > 0;
    }

    public boolean anyUnreachable() {
        return unreachable > 0;
    }
}
