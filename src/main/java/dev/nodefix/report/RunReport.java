package dev.nodefix.report;

import dev.nodefix.engine.HostRun;
import dev.nodefix.engine.RunSummary;
import java.io.PrintWriter;
import java.util.List;

/** The human rendering of a run over many hosts (ping's and run's differ; --json is {@link RunJson} for both). */
public interface RunReport {
    void print(PrintWriter out, List<HostRun> runs, RunSummary summary);
}
