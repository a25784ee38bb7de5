package dev.nodefix.report;

import dev.nodefix.journal.FoundRuns;
import dev.nodefix.journal.History;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RollbackStatus;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.StoredRuns;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code nodefix runs}: one line per run; {@code runs show RUN}: each change with its diff. */
public final class RunsText {
    /** @param status how far an applying run is rolled back */
    public void list(PrintWriter out, StoredRuns stored, java.util.function.Function<RunMeta, RollbackStatus> status) {
        List<RunMeta> runs = stored.runs();
        if (runs.isEmpty() && stored.unreadable().isEmpty()) {
            out.println("no runs recorded yet");
            return;
        }
        out.println(String.format("%-22s %-20s %-8s %5s %7s %6s  %-28s %s", "RUN", "STARTED", "KIND", "HOSTS",
                "CHANGED", "FAILED", "ROLLED BACK", "WHAT"));
        for (RunMeta m : runs) {
            String changed = m.finished().map(f -> Integer.toString(f.changed())).orElse("?");
            String failed = m.finished().map(f -> Integer.toString(f.failed() + f.unreachable())).orElse("?");
            out.println(String.format("%-22s %-20s %-8s %5d %7s %6s  %-28s %s", m.id(),
                    m.started().toString().replaceFirst("\\.\\d+Z$", "Z"), m.kind().label()
                            + (m.finished().isEmpty() ? "*" : ""), m.hosts().size(), changed, failed,
                    rolledBack(m, status), shorten(m.what())));
        }
        for (StoredRuns.Unreadable u : stored.unreadable()) {
            out.println(String.format("%-22s unreadable: %s", u.id(), oneLine(u.reason())));
        }
        if (runs.stream().anyMatch(m -> m.finished().isEmpty())) {
            out.println("* did not finish (still running, or the controller stopped): its journal says how far it got");
        }
        out.flush();
    }

    /** One line: newlines shown as {@code \\n}, cut at 70 characters ({@code runs show} has it all). */
    private static String shorten(String what) {
        String line = what.replace("\n", "\\n");
        return line.length() > 70 ? line.substring(0, 67) + "..." : line;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private static String rolledBack(RunMeta run, java.util.function.Function<RunMeta, RollbackStatus> status) {
        if (run.kind() == RunKind.ROLLBACK) {
            return "undoes " + run.rollbackOf().orElse("?");
        }
        return status.apply(run).summary();
    }

    /** @param status how far {@code meta} (when it applied changes) is rolled back */
    public void show(PrintWriter out, RunMeta meta, JournalText journal, RollbackStatus status) {
        out.println("run " + meta.id() + " (" + meta.kind().label() + meta.rollbackOf().map(r -> " of " + r).orElse("")
                + "), started " + meta.started() + ": " + meta.what());
        out.println("inventory: " + meta.inventory().map(i -> i.describe()).orElse("not recorded (run recorded by an"
                + " older nodefix)"));
        journal.torn().ifPresent(t -> out.println("warning: " + t.message()));
        journal.garbled().forEach(g -> out.println("warning: " + g.garbledMessage()));
        if (meta.kind() == RunKind.APPLY) {
            out.println("rolled back: " + status.summary());
            status.hosts().forEach(h -> out.println("  " + h + ": " + status.of(h)));
        } else {
            meta.finished().ifPresent(f -> f.ends().forEach((h, e) -> out.println("  " + h + ": " + e.label())));
        }
        Map<String, List<Recorded>> byHost = History.byHost(journal.entries().stream().filter(e -> e.host().isPresent()).toList());
        if (byHost.isEmpty()) {
            out.println("  no changes recorded");
        }
        byHost.forEach((host, changes) -> {
            out.println(host + ":");
            for (Recorded r : changes) {
                out.println(String.format("  #%d %-10s %s%s", r.seq(), r.status().label(), r.change().describe(),
                        r.undoes().map(u -> "  (undoes " + u + ")").orElse("")));
                r.change().diff().ifPresent(d -> d.lines().forEach(l -> out.println("      " + l)));
            }
        });
        out.flush();
    }

    /** {@code runs --from-nodes}: each run found in the nodes' journals, how it stands on each host that has it. */
    public void fromNodes(PrintWriter out, FoundRuns found) {
        int read = found.read().size();
        int selected = read + found.cannotTell().size();
        out.println("runs in the journals of " + read + " of " + selected + " host(s)"
                + (found.cannotTell().isEmpty() ? "" : "; cannot tell for " + String.join(", ", found.cannotTell().keySet())));
        if (found.runs().isEmpty()) {
            out.println(read == 0 ? "no journal could be read" : "no runs in the nodes' journals");
        } else {
            out.println(String.format("%-22s %-20s %-8s %7s %-8s %-20s %s", "RUN", "STARTED", "KIND", "HOSTS",
                    "HERE", "STATE", "WHAT"));
        }
        for (FoundRuns.FoundRun r : found.runs()) {
            out.println(String.format("%-22s %-20s %-8s %7s %-8s %-20s %s", r.id(),
                    r.started().toString().replaceFirst("\\.\\d+Z$", "Z"), r.kind().label(),
                    r.hosts().size() + "/" + read, r.inStore() ? "yes" : "no", r.summary(), shorten(r.what())));
            out.println("    " + String.join(", ", r.hosts().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue().label()).toList()));
            r.problems().forEach(p -> out.println("    warning: " + oneLine(p)));
        }
        found.cannotTell().forEach((host, why) -> out.println("cannot tell for " + host + " (" + oneLine(why) + ")"));
        if (!found.runs().isEmpty()) {
            out.println("HOSTS: hosts whose journal has the run, of those read; HERE: this machine's run store has it too");
        }
        out.flush();
    }
}
