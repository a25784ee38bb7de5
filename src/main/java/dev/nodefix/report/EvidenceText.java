package dev.nodefix.report;

import dev.nodefix.evidence.LooseEvidence;
import dev.nodefix.evidence.Reading;
import dev.nodefix.evidence.SectionFacts;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code nodefix diagnose --from X --explain}: for each host of pasted evidence, each piece with what it was
 * taken for and the facts it gave (or why it gave none), then what could not be used, each at its file:line.
 */
public final class EvidenceText {
    public void print(PrintWriter out, List<LooseEvidence> hosts) {
        for (LooseEvidence host : hosts) {
            out.println("Evidence for " + host.host() + ":");
            host.readings().forEach(r -> reading(out, r, host));
            if (!host.unused().isEmpty()) {
                out.println("  not used:");
                host.unused().forEach(u -> out.println("    " + u.piece().where() + ": " + u.why()
                        + u.piece().lines().stream().filter(l -> !l.isBlank()).findFirst()
                                .map(l -> " (" + l.strip() + ")").orElse("")));
            }
            out.println();
        }
        out.flush();
    }

    private static void reading(PrintWriter out, Reading r, LooseEvidence host) {
        out.println("  " + r.piece().where() + ": " + r.form().label()
                + r.piece().command().map(c -> " ($ " + c + ")").orElse(""));
        if (r.withheld().isPresent()) {
            out.println("      gave nothing: " + r.withheld().get());
            return;
        }
        List<String> gave = SectionFacts.gave(r, host);
        if (gave.isEmpty()) {
            out.println("      section " + r.form().section() + " (no fact on this build reads it yet)");
        }
        gave.forEach(g -> out.println("      " + g));
    }
}
