package dev.nodefix.report;

import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.HostDiagnosis;
import dev.nodefix.diagnose.Leg;
import dev.nodefix.diagnose.Legs;
import dev.nodefix.diagnose.Remediation;
import dev.nodefix.fact.Provenance;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code nodefix diagnose}: the cluster verdict and remediation first, then each host's findings, each with the
 * commands that would settle what it leaves open; with {@code --explain}, each host's legs of the bug, one line each.
 */
public final class DiagnosisText {
    public void print(PrintWriter out, Diagnosis diagnosis) {
        print(out, diagnosis, false);
    }

    /** @param legs also print each host's legs: value, reading, where it was read, the settling command if open */
    public void print(PrintWriter out, Diagnosis diagnosis, boolean legs) {
        out.println("Cluster verdict: " + diagnosis.verdict().label().toUpperCase(Locale.ROOT));
        remediation(out, diagnosis.remediation());
        for (HostDiagnosis host : diagnosis.hosts()) {
            out.println();
            out.println(UntrustedText.name(host.host()) + ": " + host.verdict().label());
            host.findings().forEach(f -> finding(out, f));
            if (legs) {
                host.legs().ifPresent(l -> legs(out, l));
            }
        }
        out.flush();
    }

    private static void remediation(PrintWriter out, Remediation r) {
        out.println("Remediation: " + r.action() + r.playbook().map(p -> " (nodefix play " + p + ")").orElse(""));
        if (!r.hosts().isEmpty()) {
            out.println("  hosts:   " + UntrustedText.name(String.join(", ", r.hosts())));
        }
        out.println("  why:     " + UntrustedText.name(r.reason()));
        r.upgrade().ifPresent(u -> out.println("  upgrade: " + UntrustedText.name(u)));
    }

    private static void finding(PrintWriter out, Finding f) {
        // messages, fixes and readings quote what nodes and pastes said (backend values, file names): escaped too
        out.println("  [" + f.severity().label() + "] " + f.code() + ": " + UntrustedText.name(f.message()));
        f.evidence().forEach(e -> out.println("      | " + UntrustedText.output(e)));
        f.fix().ifPresent(fix -> out.println("      fix: " + UntrustedText.name(fix)));
        f.settle().forEach(cmd -> out.println("      settle: " + UntrustedText.name(cmd)));
    }

    private static void legs(PrintWriter out, Legs legs) {
        out.println("  legs:");
        for (Leg leg : legs.all()) {
            out.println(String.format(Locale.ROOT, "    %-10s %-11s %s (%s)%s", leg.name().label(), leg.valueLabel(),
                    UntrustedText.name(leg.reading()), UntrustedText.name(leg.sources().stream()
                            .map(Provenance::describe).distinct().collect(Collectors.joining("; "))),
                    leg.settle().map(cmd -> "; settle: " + UntrustedText.name(cmd)).orElse("")));
        }
    }
}
