package dev.nodefix.report;

import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.probe.ProbeOutput;
import java.util.List;
import java.util.Objects;

/**
 * What an HTML report shows of one moment: the diagnosis, the facts it was made from, and the probe runs (none when
 * nothing was probed).
 */
public record ReportSnapshot(Diagnosis diagnosis, List<HostFacts> facts, List<ProbeOutput> probes) {
    public ReportSnapshot {
        Objects.requireNonNull(diagnosis, "diagnosis");
        facts = List.copyOf(facts);
        probes = List.copyOf(probes);
    }
}
