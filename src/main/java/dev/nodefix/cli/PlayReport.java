package dev.nodefix.cli;

import dev.nodefix.diagnose.Diagnoser;
import dev.nodefix.diagnose.RemediationPolicy;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.probe.ProbeOutput;
import dev.nodefix.probe.ProbeRuns;
import dev.nodefix.probe.ProbeTarget;
import dev.nodefix.report.ReportSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code play --report FILE}: the cluster diagnosed (and probed, with {@code -e probe_target=IP:PORT} or the
 * inventory's {@code nodefix_probe_targets}) before the run changes anything and again after it, written as one HTML
 * report that shows what changed. Nothing is remembered (diagnose's counter memory is left alone).
 */
final class PlayReport {
    private final CliContext ctx;
    private final Path file;
    private final InventoryOptions inventory;
    private final ConnectionOptions connection;
    private final BecomeOptions become;
    private final List<ProbeTarget> targets;
    private final ReportSnapshot before;

    private PlayReport(CliContext ctx, Path file, InventoryOptions inventory, ConnectionOptions connection,
            BecomeOptions become, List<ProbeTarget> targets) {
        this.ctx = ctx;
        this.file = file;
        this.inventory = inventory;
        this.connection = connection;
        this.become = become;
        this.targets = targets;
        this.before = snapshot();
    }

    /** The state before the run, when a report is asked for ({@code file} not null). */
    static Optional<PlayReport> before(CliContext ctx, Path file, InventoryOptions inventory,
            ConnectionOptions connection, BecomeOptions become, Map<String, Object> extraVars) {
        if (file == null) {
            return Optional.empty();
        }
        Object target = extraVars.get("probe_target");
        List<ProbeTarget> given = target == null || String.valueOf(target).isBlank() ? List.of()
                : List.of(ProbeTarget.parse(String.valueOf(target)));
        return Optional.of(new PlayReport(ctx, file, inventory, connection, become,
                Probes.targets(ctx, inventory, connection, become, given, false)));
    }

    /** Writes the report: before and after when the run changed nodes, else the state as it is. */
    int write(String what, boolean changed, int exit) {
        HtmlReportFile.write(ctx, file, what, changed ? snapshot() : before, changed ? Optional.of(before) : Optional.empty());
        return exit;
    }

    private ReportSnapshot snapshot() {
        List<HostFacts> hosts = FactSource.live(ctx, inventory, connection, become).hosts();
        List<ProbeOutput> probes = targets.isEmpty() ? List.of() : Probes.run(ctx, inventory, connection, become, targets);
        return new ReportSnapshot(Diagnoser.standard(new RemediationPolicy(false)).diagnose(hosts,
                ProbeRuns.findings(probes)), hosts, probes);
    }
}
