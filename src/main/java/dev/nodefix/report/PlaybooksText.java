package dev.nodefix.report;

import dev.nodefix.playbook.BundledPlaybooks;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code nodefix playbooks}: one line per shipped playbook, its name and its first comment line. */
public final class PlaybooksText {
    public void list(PrintWriter out, List<BundledPlaybooks.Entry> playbooks) {
        int width = playbooks.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (BundledPlaybooks.Entry p : playbooks) {
            out.println(String.format(Locale.ROOT, "%-" + Math.max(width, 1) + "s  %s", p.name(), p.summary()).stripTrailing());
        }
        out.println();
        out.println("Run one with: nodefix play NAME [--check --diff]; print one with: nodefix playbooks show NAME");
    }
}
