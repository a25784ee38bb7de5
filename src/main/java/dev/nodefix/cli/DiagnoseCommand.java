package dev.nodefix.cli;

import dev.nodefix.diagnose.Diagnoser;
import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.RemediationPolicy;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.probe.ProbeOutput;
import dev.nodefix.probe.ProbeRuns;
import dev.nodefix.probe.ProbeTarget;
import dev.nodefix.report.DiagnosisJson;
import dev.nodefix.report.DiagnosisText;
import dev.nodefix.report.EvidenceText;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.ReportSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix diagnose}: facts, rules, a verdict per host and for the cluster, and one remediation. */
@picocli.CommandLine.Command(name = "diagnose", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Tell whether the cluster has the flannel VXLAN 63-second delay, on which nodes, why, and which"
                + " fix fits.",
                "Verdicts: affected, at-risk, not-affected, unknown; each with the evidence it rests on and the playbook"
                + " that applies the fix.",
                "Live, each node's Udp InCsumErrors is remembered (~/.local/state/nodefix/udp-csum.json) and its rise"
                + " since the last diagnose is reported.",
                "Exit: 0 not affected; 10 affected; 11 at risk; 12 unknown (cannot tell from the evidence); 4 some host"
                + " unreachable (when no host is affected); 1 bad input or nodefix failed."})
public final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "PATH", description = {"Diagnose offline, no SSH (repeatable): a directory"
            + " of collector captures (one file per host, named after it); a directory of pasted outputs (one host,"
            + " named after the directory; a directory of such directories: a host each); a capture file; pasted"
            + " files named one by one (together one host, named after the first one's directory). A directory may not"
            + " mix captures and pasted files."})
    List<Path> from = new ArrayList<>();

    @Option(names = "--explain", description = "With --from: for each pasted piece, what it was taken for and the"
            + " facts it gave, and what could not be used (file:line); for each host, each leg of the bug (yes, no,"
            + " cannot tell), where it was read and the command that would settle it.")
    boolean explain;

    @Option(names = "--probe", description = "Also time a TCP connect from each node to each target (5 s limit)"
            + " and read the UDP InCsumErrors counter before and after.")
    boolean probe;

    @Option(names = "--target", paramLabel = "IP:PORT", description = "Probe target (repeatable); default: inventory"
            + " var " + ProbeRuns.TARGETS_VAR + ", else services listed by `k3s kubectl` on a server.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one self-contained HTML"
            + " page (no network fetches): the cluster verdict, a table of nodes with their legs and key facts as"
            + " coloured cells, the node-pair layer-2 adjacency matrix (on-link or via a router: whether host-gw is"
            + " possible), the probe times with --probe, and each finding with its evidence.")
    Path html;

    @Option(names = "--keep-offload", description = "The checksum offload must stay on: recommend host-gw when"
            + " every node pair is on-link, else an upgrade.")
    boolean keepOffload;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin OutputOptions output;

    private final CliContext ctx;

    public DiagnoseCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<ProbeTarget> explicit = targets.stream().map(ProbeTarget::parse).toList();
        if (probe && !from.isEmpty()) {
            throw new IllegalArgumentException("--probe needs live hosts: it cannot be used with --from");
        }
        if (explain && from.isEmpty()) {
            throw new IllegalArgumentException("--explain reads pasted evidence: give --from PATH");
        }
        FactSource.Results facts = !from.isEmpty() ? FactSource.captured(from)
                : FactSource.live(ctx, inventory, connection, become);
        if (explain) {
            new EvidenceText().print(ctx.out(), facts.loose());
        }
        List<HostFacts> hosts = !from.isEmpty() ? facts.hosts() : new UdpCsumRecall(ctx.services().udpCsum(),
                ctx.err()).recall(facts.hosts(), ctx.clock().instant());
        List<ProbeOutput> probes = probe ? probe(explicit) : List.of();
        Map<String, List<Finding>> probed = probe ? ProbeRuns.findings(probes) : Map.of();
        Diagnosis diagnosis = Diagnoser.standard(new RemediationPolicy(keepOffload)).diagnose(hosts, probed);
        if (html != null) {
            HtmlReportFile.write(ctx, html, "diagnose", new ReportSnapshot(diagnosis, hosts, probes), Optional.empty());
        }
        if (output.json()) {
            ctx.out().println(new DiagnosisJson().render(diagnosis));
            ctx.out().flush();
        } else {
            new DiagnosisText().print(ctx.out(), diagnosis, explain);
        }
        return ExitCode.of(diagnosis.verdict(), facts.exitCode());
    }

    private List<ProbeOutput> probe(List<ProbeTarget> explicit) {
        List<ProbeTarget> chosen = Probes.targets(ctx, inventory, connection, become, explicit, true);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--probe: no targets (give --target IP:PORT, set "
                    + ProbeRuns.TARGETS_VAR + ", or run k3s on a server)");
        }
        return Probes.run(ctx, inventory, connection, become, chosen);
    }
}
