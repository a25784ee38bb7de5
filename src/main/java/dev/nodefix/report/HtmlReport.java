package dev.nodefix.report;

import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.HostDiagnosis;
import dev.nodefix.diagnose.Leg;
import dev.nodefix.diagnose.Legs;
import dev.nodefix.diagnose.Remediation;
import dev.nodefix.diagnose.Verdict;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.PeerRoutes.PeerRoute;
import dev.nodefix.fact.Provenance;
import dev.nodefix.probe.Connect;
import dev.nodefix.probe.ProbeOutput;
import dev.nodefix.probe.ProbeResult;
import dev.nodefix.probe.ProbeTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code diagnose --html} and {@code play --report}: one self-contained HTML page (inline CSS, no script, no
 * fetch; its Content-Security-Policy forbids any) with the cluster verdict and remediation, a table of nodes with
 * their verdict, legs and key facts as coloured cells, the node-pair layer-2 adjacency matrix, the probe times, and
 * each node's findings with their evidence and settling commands. With a snapshot from before a run, every cell
 * that changed shows what it was. Every value is escaped ({@link Html}).
 */
public final class HtmlReport {
    /** How a cell reads against the bug. */
    private enum Tone {
        BAD, WARN, OK, UNKNOWN, PLAIN;

        String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One coloured cell: its text, tone and the longer reading shown on hover. */
    private record Cell(String text, Tone tone, String title) {
        static Cell plain(String text) {
            return new Cell(text, Tone.PLAIN, "");
        }
    }

    private static final List<String> COLUMNS = List.of("verdict", "role", "k3s", "kernel", "OS", "iptables",
            "flannel backend", "vxlan", "offload", "kept off", "double NAT", "KUBE-POSTROUTING", "uplink");
    private static final List<String> COLUMN_TITLES = List.of("the node's verdict", "k3s role (from its unit)",
            "k3s --version", "uname -r", "/etc/os-release", "iptables --version and its mode",
            "the backend flannel runs (net-conf.json, k3s config)", Leg.Name.VXLAN.question(),
            "ethtool -k flannel.1: tx-checksum-ip-generic", Leg.Name.KEPT_OFF.question(), Leg.Name.DOUBLE_NAT.question(),
            "kube-proxy's masquerade rule: fixed (clears the mark) or not", "the uplink's driver (vmxnet3 looks alike)");

    /**
     * @param title  what the report is of ({@code diagnose}, {@code play playbooks/fix.yaml, run ID})
     * @param now    the state the report is about
     * @param before the state before a run changed nodes, for comparison
     */
    public String render(String title, ReportSnapshot now, Optional<ReportSnapshot> before) {
        StringBuilder h = new StringBuilder(32_768);
        Verdict verdict = now.diagnosis().verdict();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>nodefix: ").append(Html.text(verdict.label())).append(" \u2014 ")
                .append(Html.text(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, title, now, before);
        nodes(h, now, before);
        matrix(h, AdjacencyMatrix.of(now.facts()));
        probes(h, now, before);
        findings(h, now, before);
        h.append("<footer>nodefix \u00b7 the 63-second flannel VXLAN delay \u00b7 legs: vxlan, offload on,"
                + " not kept off and a double-NAT path make a node affected</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, String title, ReportSnapshot now, Optional<ReportSnapshot> before) {
        Diagnosis d = now.diagnosis();
        h.append("<header class=\"top ").append(tone(d.verdict()).css()).append("\">\n<div class=\"what\">nodefix \u00b7 ")
                .append(Html.text(title)).append("</div>\n<h1>Cluster verdict: <span class=\"verdict\">")
                .append(Html.text(d.verdict().label().toUpperCase(Locale.ROOT))).append("</span>");
        before.ifPresent(b -> h.append(" <span class=\"was-verdict\">(before the run: ")
                .append(Html.text(b.diagnosis().verdict().label())).append(")</span>"));
        h.append("</h1>\n<p class=\"counts\">").append(Html.text(counts(d))).append("</p>\n</header>\n");
        Remediation r = d.remediation();
        h.append("<section class=\"remediation\">\n<h2>Remediation: <code>").append(Html.text(r.action()))
                .append("</code>");
        r.playbook().ifPresent(p -> h.append(" \u2014 <code>").append(Html.text("nodefix play " + p)).append("</code>"));
        h.append("</h2>\n<dl>\n");
        if (!r.hosts().isEmpty()) {
            h.append("<dt>hosts</dt><dd>").append(Html.text(String.join(", ", r.hosts()))).append("</dd>\n");
        }
        h.append("<dt>why</dt><dd>").append(Html.text(r.reason())).append("</dd>\n");
        r.upgrade().ifPresent(u -> h.append("<dt>upgrade</dt><dd>").append(Html.text(u)).append("</dd>\n"));
        h.append("</dl>\n</section>\n");
    }

    private static String counts(Diagnosis d) {
        Map<Verdict, Long> by = new TreeMap<>(d.hosts().stream()
                .collect(Collectors.groupingBy(HostDiagnosis::verdict, Collectors.counting())));
        return d.hosts().size() + (d.hosts().size() == 1 ? " node: " : " nodes: ") + by.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }

    private static void nodes(StringBuilder h, ReportSnapshot now, Optional<ReportSnapshot> before) {
        h.append("<section>\n<h2>Nodes</h2>\n");
        before.ifPresent(b -> h.append("<p class=\"note\">A cell that changed in the run shows what it was,"
                + " struck through.</p>\n"));
        h.append("<div class=\"scroll\"><table class=\"nodes\">\n<thead><tr><th>node</th>");
        for (int i = 0; i < COLUMNS.size(); i++) {
            h.append("<th title=\"").append(Html.text(COLUMN_TITLES.get(i))).append("\">")
                    .append(Html.text(COLUMNS.get(i))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        Map<String, HostFacts> facts = byHost(now.facts(), HostFacts::host);
        Map<String, HostFacts> factsBefore = before.map(b -> byHost(b.facts(), HostFacts::host)).orElse(Map.of());
        Map<String, HostDiagnosis> wasDiagnosed = before.map(b -> byHost(b.diagnosis().hosts(), HostDiagnosis::host))
                .orElse(Map.of());
        for (HostDiagnosis host : now.diagnosis().hosts()) {
            h.append("<tr><th class=\"host\">").append(Html.text(host.host())).append("</th>");
            HostFacts f = facts.get(host.host());
            if (f instanceof HostFacts.NotCollected n) {
                h.append(cell(verdictCell(host))).append("<td class=\"unknown\" colspan=\"").append(COLUMNS.size() - 1)
                        .append("\">").append(Html.text(n.status() + ": " + n.message())).append("</td></tr>\n");
                continue;
            }
            List<Cell> cells = row(host, f);
            Optional<List<Cell>> was = Optional.ofNullable(wasDiagnosed.get(host.host()))
                    .map(d -> row(d, factsBefore.get(host.host())));
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int column = i;
                Optional<Cell> old = was.map(w -> w.get(column)).filter(o -> !o.text().equals(c.text()));
                h.append(cell(c, old));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n<p class=\"legend\"><span class=\"bad\">bad</span> a leg of the bug or"
                + " what makes it <span class=\"warn\">warn</span> needs a look <span class=\"ok\">ok</span> safe"
                + " <span class=\"unknown\">?</span> cannot tell (hover a cell for its reading)</p>\n</section>\n");
    }

    private static List<Cell> row(HostDiagnosis host, HostFacts facts) {
        List<Cell> cells = new ArrayList<>();
        cells.add(verdictCell(host));
        if (!(facts instanceof HostFacts.Collected c)) {
            for (int i = 1; i < COLUMNS.size(); i++) {
                cells.add(new Cell("-", Tone.UNKNOWN, "no facts"));
            }
            return cells;
        }
        NodeFacts f = c.facts();
        Optional<Legs> legs = host.legs();
        cells.add(Cell.plain(lower(f.k3s().role())));
        cells.add(Cell.plain(f.k3s().version().version().map(v -> "v" + v
                + f.k3s().version().build().map(b -> "+" + b).orElse("")).orElse("-")));
        cells.add(Cell.plain(f.kernel().release().orElse("-")));
        cells.add(new Cell(f.osRelease().id().map(id -> id + f.osRelease().versionId().map(v -> " " + v).orElse(""))
                .or(() -> f.osRelease().prettyName()).orElse("-"), Tone.PLAIN, f.osRelease().prettyName().orElse("")));
        cells.add(Cell.plain(f.iptables().version().map(v -> v + " " + lower(f.iptables().mode()))
                .orElse("-")));
        cells.add(new Cell(f.backend().effective().orElse("-") + (f.backend().consistent() ? "" : " (sources disagree)"),
                f.backend().consistent() ? Tone.PLAIN : Tone.WARN, String.join("; ", f.backend().sources().entrySet()
                        .stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
        // a leg shown absent makes the others moot: they keep their value, not their colour
        boolean noVxlan = legs.map(l -> l.vxlan().value() == Observed.NO).orElse(false);
        boolean noNat = legs.map(l -> l.doubleNat().value() == Observed.NO).orElse(false);
        String moot = noVxlan ? "no VXLAN here" : "no double-NAT path here";
        cells.add(moot(leg(legs.map(Legs::vxlan), Tone.WARN, Tone.OK), noNat, moot));
        cells.add(moot(offload(f.offload(), legs.map(Legs::offload)), noVxlan || noNat, moot));
        cells.add(moot(leg(legs.map(Legs::keptOff), Tone.OK, Tone.WARN), noVxlan || noNat, moot));
        cells.add(moot(leg(legs.map(Legs::doubleNat), Tone.BAD, Tone.OK), noVxlan, moot));
        cells.add(moot(kubePostrouting(f.kubePostrouting()), noVxlan, moot));
        String driver = f.uplink().driver().orElse("-");
        cells.add(new Cell(f.uplink().device().map(d -> d + " ").orElse("") + driver,
                driver.equals("vmxnet3") ? Tone.WARN : Tone.PLAIN, ""));
        return cells;
    }

    private static Cell verdictCell(HostDiagnosis host) {
        return new Cell(host.verdict().label(), tone(host.verdict()), host.findings().stream()
                .filter(f -> f.code().decides().isPresent()).map(Finding::message).findFirst().orElse(""));
    }

    private static Cell leg(Optional<Leg> leg, Tone yes, Tone no) {
        return leg.map(l -> new Cell(l.valueLabel(), switch (l.value()) {
            case YES -> yes;
            case NO -> no;
            case CANNOT_TELL -> Tone.UNKNOWN;
        }, l.reading())).orElse(new Cell("-", Tone.UNKNOWN, "no legs"));
    }

    /** A leg that cannot make the node affected, because another leg is shown absent: uncoloured, saying why. */
    private static Cell moot(Cell cell, boolean moot, String why) {
        return !moot || cell.tone() == Tone.OK ? cell : new Cell(cell.text(), Tone.PLAIN,
                cell.title() + (cell.title().isEmpty() ? "" : " ") + "(does not matter: " + why + ")");
    }

    private static Cell offload(EthtoolFeatures features, Optional<Leg> leg) {
        String reading = leg.map(Leg::reading).orElse("");
        if (!features.available()) {
            return new Cell("-", Tone.UNKNOWN, reading);
        }
        return features.txChecksumIpGeneric().map(t -> new Cell((t.on() ? "on" : "off") + (t.fixed() ? " [fixed]" : ""),
                t.on() ? Tone.BAD : Tone.OK, reading)).orElse(new Cell("?", Tone.UNKNOWN, reading));
    }

    private static Cell kubePostrouting(KubePostrouting k) {
        String text = lower(k.form()) + (k.randomFully().orElse(false) ? " (random-fully)" : "");
        Tone tone = switch (k.form()) {
            case FIXED -> Tone.OK;
            case UNFIXED -> Tone.BAD;
            case ABSENT -> Tone.PLAIN;
            case UNKNOWN -> Tone.UNKNOWN;
        };
        return new Cell(text, tone, String.join("\n", k.rules()));
    }

    private static String cell(Cell c) {
        return cell(c, Optional.empty());
    }

    private static String cell(Cell c, Optional<Cell> was) {
        StringBuilder s = new StringBuilder("<td class=\"").append(c.tone().css()).append(was.isPresent() ? " changed" : "")
                .append('"');
        if (!c.title().isEmpty()) {
            s.append(" title=\"").append(Html.text(c.title())).append('"');
        }
        s.append('>');
        was.ifPresent(w -> s.append("<del>").append(Html.text(w.text())).append("</del> "));
        return s.append(Html.text(c.text())).append("</td>").toString();
    }

    private static void matrix(StringBuilder h, AdjacencyMatrix m) {
        h.append("<section>\n<h2>Layer-2 adjacency</h2>\n<p class=\"note\">How each node (row) routes to each other"
                + " node (column), from <code>ip route get PEER</code> on the row's node. host-gw routes pod traffic to"
                + " the peer's node IP as the next hop, so it needs every pair on-link.</p>\n");
        List<PeerRoute> routes = m.routes();
        long offLink = routes.stream().filter(r -> !r.onLink()).count();
        String verdict = routes.isEmpty() ? "No routes between the nodes were collected: whether host-gw is possible"
                + " cannot be told."
                : offLink == 0 ? "Every pair read is on-link: host-gw is possible."
                : offLink + " of " + routes.size() + " routes go through a router or have none: host-gw is not possible.";
        h.append("<p class=\"adj-verdict ").append(routes.isEmpty() ? "unknown" : offLink == 0 ? "ok" : "bad")
                .append("\">").append(Html.text(verdict)).append("</p>\n");
        h.append("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th class=\"corner\">from \\ to</th>");
        for (AdjacencyMatrix.Node c : m.columns()) {
            h.append("<th>").append(Html.text(c.name()));
            if (c.host() && !c.ip().isEmpty()) {
                h.append("<small>").append(Html.text(c.ip())).append("</small>");
            }
            h.append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (AdjacencyMatrix.Node r : m.rows()) {
            h.append("<tr><th class=\"host\">").append(Html.text(r.name()));
            if (!r.ip().isEmpty()) {
                h.append("<small>").append(Html.text(r.ip())).append("</small>");
            }
            h.append("</th>");
            for (AdjacencyMatrix.Node c : m.columns()) {
                h.append(adjacency(m.cell(r.name(), c.name()), c));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static String adjacency(AdjacencyMatrix.Cell cell, AdjacencyMatrix.Node to) {
        if (cell instanceof AdjacencyMatrix.Cell.Self) {
            return "<td class=\"adj self\">\u2014</td>";
        }
        if (cell instanceof AdjacencyMatrix.Cell.NotAsked n) {
            return "<td class=\"adj unknown\" title=\"" + Html.text(n.why()) + "\">?</td>";
        }
        PeerRoute p = ((AdjacencyMatrix.Cell.Route) cell).route();
        String line = "ip route get " + p.peer() + ": " + p.via().map(v -> "via " + v + " dev " + p.dev())
                .orElse(p.dev().isEmpty() ? "no route" : "dev " + p.dev() + (p.onLink() ? "" : " (not unicast)"));
        String kind = p.onLink() ? "on-link" : p.via().isPresent() ? "via-router" : "no-route";
        String text = p.onLink() ? "on-link" : p.via().map(v -> "via " + v).orElse("no route");
        String tone = p.onLink() ? "ok" : "bad";
        return "<td class=\"adj " + kind + " " + tone + "\" title=\"" + Html.text(line) + "\">" + Html.text(text)
                + (p.dev().isEmpty() ? "" : "<small>dev " + Html.text(p.dev()) + "</small>") + "</td>";
    }

    private static void probes(StringBuilder h, ReportSnapshot now, Optional<ReportSnapshot> before) {
        h.append("<section>\n<h2>Probe times</h2>\n");
        Map<String, ProbeOutput> after = byHost(now.probes(), ProbeOutput::host);
        Map<String, ProbeOutput> was = before.map(b -> byHost(b.probes(), ProbeOutput::host)).orElse(Map.of());
        if (after.isEmpty() && was.isEmpty()) {
            h.append("<p class=\"note\">Nothing was probed (<code>diagnose --probe</code> times a TCP connect from each"
                    + " node; <code>play --report</code> probes <code>-e probe_target=IP:PORT</code>).</p>\n</section>\n");
            return;
        }
        h.append("<p class=\"note\">A TCP connect from each node to each target, 5 s limit: a stall is the 63-second"
                + " pattern. InCsumErrors: the node's UDP checksum error counter around the probe.")
                .append(before.isPresent() ? " Each cell: before the run \u2192 after it." : "").append("</p>\n");
        Set<ProbeTarget> targets = new LinkedHashSet<>();
        for (ProbeOutput o : concat(was.values(), after.values())) {
            result(o).ifPresent(r -> r.connects().forEach(c -> targets.add(c.target())));
        }
        Set<String> hosts = new java.util.TreeSet<>(after.keySet());
        hosts.addAll(was.keySet());
        h.append("<div class=\"scroll\"><table class=\"probes\">\n<thead><tr><th>node</th>");
        targets.forEach(t -> h.append("<th>").append(Html.text(t.toString())).append("</th>"));
        h.append("<th>InCsumErrors</th></tr></thead>\n<tbody>\n");
        for (String host : hosts) {
            h.append("<tr><th class=\"host\">").append(Html.text(host)).append("</th>");
            Optional<ProbeOutput> b = Optional.ofNullable(was.get(host));
            Optional<ProbeOutput> a = Optional.ofNullable(after.get(host));
            for (ProbeTarget t : targets) {
                List<String> parts = new ArrayList<>();
                if (before.isPresent()) {
                    Cell c = connect(b, t);
                    parts.add("<span class=\"" + c.tone().css() + "\">" + Html.text(c.text()) + "</span>");
                }
                Cell c = connect(a, t);
                parts.add("<span class=\"" + c.tone().css() + "\">" + Html.text(c.text()) + "</span>");
                h.append("<td class=\"probe\"").append(" title=\"").append(Html.text(c.title()))
                        .append("\">").append(String.join(" \u2192 ", parts)).append("</td>");
            }
            List<String> csum = new ArrayList<>();
            if (before.isPresent()) {
                csum.add(csum(b));
            }
            csum.add(csum(a));
            boolean rose = a.flatMap(HtmlReport::result).flatMap(ProbeResult::csumDelta).map(d -> d > 0).orElse(false);
            h.append("<td class=\"").append(rose ? "warn" : "plain").append("\">")
                    .append(Html.text(String.join(" \u2192 ", csum))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static Cell connect(Optional<ProbeOutput> output, ProbeTarget target) {
        if (output.isEmpty()) {
            return new Cell("not probed", Tone.UNKNOWN, "");
        }
        if (output.get() instanceof ProbeOutput.NotRun n) {
            return new Cell("not run", Tone.UNKNOWN, n.reason());
        }
        Optional<Connect> connect = result(output.get()).flatMap(r -> r.connects().stream()
                .filter(c -> c.target().equals(target)).findFirst());
        return connect.map(c -> switch (c.outcome()) {
            case CONNECTED -> new Cell(String.format(Locale.ROOT, "%.1f ms", c.millis().orElse(0.0)),
                    c.millis().orElse(0.0) >= 1000 ? Tone.WARN : Tone.OK, c.detail());
            case STALLED -> new Cell("stalled (no connect in 5 s)", Tone.BAD, c.detail());
            case FAILED -> new Cell("failed at once", Tone.WARN, c.detail());
            case NO_TOOL -> new Cell("no curl or nc", Tone.UNKNOWN, c.detail());
        }).orElse(new Cell("not probed", Tone.UNKNOWN, ""));
    }

    private static String csum(Optional<ProbeOutput> output) {
        Optional<ProbeResult> r = output.flatMap(HtmlReport::result);
        if (r.isEmpty() || r.get().csumBefore().isEmpty()) {
            return "-";
        }
        ProbeResult p = r.get();
        return p.csumBefore().get() + p.csumDelta().map(d -> d > 0 ? " (+" + d + ")" : " (+0)").orElse("");
    }

    private static Optional<ProbeResult> result(ProbeOutput output) {
        return output instanceof ProbeOutput.Printed p ? Optional.of(ProbeResult.parse(p.stdout())) : Optional.empty();
    }

    private static void findings(StringBuilder h, ReportSnapshot now, Optional<ReportSnapshot> before) {
        h.append("<section>\n<h2>Findings and their evidence</h2>\n");
        Map<String, HostDiagnosis> was = before.map(b -> byHost(b.diagnosis().hosts(), HostDiagnosis::host))
                .orElse(Map.of());
        for (HostDiagnosis host : now.diagnosis().hosts()) {
            Tone tone = tone(host.verdict());
            h.append("<details class=\"host-findings ").append(tone.css()).append('"')
                    .append(host.verdict() == Verdict.NOT_AFFECTED ? "" : " open").append(">\n<summary><span class=\"name\">")
                    .append(Html.text(host.host())).append("</span> <span class=\"badge ").append(tone.css()).append("\">")
                    .append(Html.text(host.verdict().label())).append("</span>");
            Optional.ofNullable(was.get(host.host())).filter(w -> w.verdict() != host.verdict()).ifPresent(w -> h
                    .append(" <span class=\"was-verdict\">before the run: ").append(Html.text(w.verdict().label()))
                    .append("</span>"));
            h.append("</summary>\n");
            for (Finding f : host.findings()) {
                finding(h, f);
            }
            host.legs().ifPresent(l -> legs(h, l));
            h.append("</details>\n");
        }
        h.append("</section>\n");
    }

    private static void finding(StringBuilder h, Finding f) {
        h.append("<div class=\"finding ").append(f.severity().label()).append("\">\n<p><span class=\"sev\">")
                .append(Html.text(f.severity().label())).append("</span> <code class=\"code\">")
                .append(Html.text(f.code().name())).append("</code> ").append(Html.text(f.message())).append("</p>\n");
        if (!f.evidence().isEmpty()) {
            h.append("<pre class=\"evidence\">").append(Html.text(String.join("\n", f.evidence()))).append("</pre>\n");
        }
        f.fix().ifPresent(fix -> h.append("<p class=\"fix\"><b>fix</b> ").append(Html.text(fix)).append("</p>\n"));
        for (String cmd : f.settle()) {
            h.append("<p class=\"settle\"><b>settle</b> <code>").append(Html.text(cmd)).append("</code></p>\n");
        }
        h.append("</div>\n");
    }

    private static void legs(StringBuilder h, Legs legs) {
        h.append("<table class=\"legs\">\n<thead><tr><th>leg</th><th>value</th><th>reading</th><th>read from</th>"
                + "<th>settle</th></tr></thead>\n<tbody>\n");
        for (Leg leg : legs.all()) {
            Tone tone = leg.isOpen() ? Tone.UNKNOWN : switch (leg.name()) {
                case VXLAN -> leg.value() == Observed.YES ? Tone.WARN : Tone.OK;
                case OFFLOAD, DOUBLE_NAT -> leg.value() == Observed.YES ? Tone.BAD : Tone.OK;
                case KEPT_OFF -> leg.value() == Observed.YES ? Tone.OK : Tone.WARN;
            };
            h.append("<tr><th title=\"").append(Html.text(leg.name().question())).append("\">")
                    .append(Html.text(leg.name().label())).append("</th><td class=\"").append(tone.css()).append("\">")
                    .append(Html.text(leg.valueLabel())).append("</td><td>").append(Html.text(leg.reading()))
                    .append("</td><td>").append(Html.text(leg.sources().stream().map(Provenance::describe).distinct()
                            .collect(Collectors.joining("; ")))).append("</td><td>")
                    .append(leg.settle().map(s -> "<code>" + Html.text(s) + "</code>").orElse("")).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static Tone tone(Verdict v) {
        return switch (v) {
            case AFFECTED -> Tone.BAD;
            case AT_RISK -> Tone.WARN;
            case NOT_AFFECTED -> Tone.OK;
            case UNKNOWN -> Tone.UNKNOWN;
        };
    }

    private static <T> Map<String, T> byHost(List<T> items, Function<T, String> host) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.putIfAbsent(host.apply(i), i));
        return out;
    }

    private static <T> List<T> concat(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static final String CSS = """
            :root { --bad: #b3261e; --bad-bg: #fde4e1; --warn: #8a5300; --warn-bg: #fff1cc; --ok: #1e6b34;
              --ok-bg: #dcf3e2; --unk: #555; --unk-bg: #eceff1; --line: #d5d9de; --ink: #1d232a; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
              color: var(--ink); background: #f6f7f9; }
            code, pre, .code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
            header.top { padding: 18px 28px 14px; color: #fff; background: #455a64; }
            header.top.bad { background: #b3261e; } header.top.warn { background: #a86400; }
            header.top.ok { background: #1e6b34; } header.top.unknown { background: #546e7a; }
            header .what { opacity: .85; font-size: 13px; }
            h1 { margin: 4px 0 2px; font-size: 26px; font-weight: 650; letter-spacing: .2px; }
            h1 .was-verdict { font-size: 15px; font-weight: 400; color: #fff; opacity: .9; }
            .counts { margin: 0; opacity: .92; }
            section { margin: 18px 28px; padding: 14px 18px 16px; background: #fff; border: 1px solid var(--line);
              border-radius: 8px; }
            h2 { margin: 0 0 10px; font-size: 17px; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
            dt { color: #667; } dd { margin: 0; }
            .note, .legend { color: #555; margin: 0 0 10px; font-size: 13px; }
            .legend { margin: 10px 0 0; } .legend span { padding: 1px 6px; border-radius: 3px; margin-right: 2px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 13px; }
            table.nodes { font-size: 12.5px; } table.nodes th, table.nodes td { padding: 5px 7px; }
            table.nodes thead th { white-space: normal; }
            table.nodes td:nth-child(6), table.nodes td:nth-child(7), table.nodes td:nth-child(8),
              table.nodes td:nth-child(13), table.nodes td:nth-child(14) { white-space: normal; }
            th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
            thead th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
            th.host { background: #fafbfc; white-space: nowrap; font-weight: 600; }
            td { white-space: nowrap; }
            th small, td small { display: block; font-weight: 400; color: #667; font-size: 11.5px; }
            .bad { background: var(--bad-bg); color: var(--bad); }
            .warn { background: var(--warn-bg); color: var(--warn); }
            .ok { background: var(--ok-bg); color: var(--ok); }
            .unknown { background: var(--unk-bg); color: var(--unk); }
            td.bad, td.warn, td.ok, td.unknown { font-weight: 600; }
            td.changed { outline: 2px solid #3949ab; outline-offset: -2px; }
            del { color: #777; font-weight: 400; margin-right: 4px; } td.changed del { display: block; font-size: 11.5px; }
            table.matrix td.adj { text-align: center; min-width: 92px; }
            table.matrix td.self { background: #f3f4f6; color: #aaa; }
            table.matrix th.corner { color: #667; font-weight: 400; }
            .adj-verdict { display: inline-block; padding: 4px 10px; border-radius: 4px; margin: 0 0 10px;
              font-weight: 600; }
            td.probe span { padding: 1px 5px; border-radius: 3px; font-weight: 600; }
            details.host-findings { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px;
              margin: 10px 0; padding: 6px 12px; background: #fff; color: var(--ink); }
            details.host-findings.bad { border-left-color: var(--bad); }
            details.host-findings.warn { border-left-color: #d08a00; }
            details.host-findings.ok { border-left-color: var(--ok); }
            details.host-findings.unknown { border-left-color: #90a4ae; }
            summary { cursor: pointer; font-size: 15px; padding: 2px 0; }
            summary .name { font-weight: 650; }
            .badge { padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
            .was-verdict { color: #555; font-size: 12.5px; }
            .finding { margin: 8px 0 10px; padding: 6px 10px; border-radius: 4px; background: #fafbfc;
              border: 1px solid #e6e9ed; }
            .finding p { margin: 2px 0; }
            .finding .sev { display: inline-block; min-width: 58px; text-align: center; padding: 0 6px;
              border-radius: 3px; font-size: 11.5px; font-weight: 700; text-transform: uppercase; }
            .finding.critical .sev { background: var(--bad); color: #fff; }
            .finding.warning .sev { background: #d08a00; color: #fff; }
            .finding.info .sev { background: #78909c; color: #fff; }
            .finding .code { font-weight: 600; }
            pre.evidence { margin: 4px 0; padding: 6px 8px; background: #f1f3f5; border-radius: 3px;
              white-space: pre-wrap; word-break: break-word; }
            .fix, .settle { font-size: 13px; }
            table.legs { margin: 6px 0 4px; } table.legs td { white-space: normal; } table.legs th { white-space: nowrap; }
            footer { margin: 8px 28px 24px; color: #778; font-size: 12px; }
            """;
}
