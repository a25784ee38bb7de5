package dev.nodefix.report;

import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.diagnose.Finding;
import dev.nodefix.diagnose.HostDiagnosis;
import dev.nodefix.diagnose.Remediation;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code nodefix diagnose}: the cluster verdict and remediation first, then each host's findings. */
public final class DiagnosisText {
    public void print(PrintWriter out, Diagnosis diagnosis) {
        out.println("Cluster verdict: " + diagnosis.verdict().label().toUpperCase(Locale.ROOT));
        remediation(out, diagnosis.remediation());
        for (HostDiagnosis host : diagnosis.hosts()) {
            out.println();
            out.println(UntrustedText.name(host.host()) + ": " + host.verdict().label());
            host.findings().forEach(f -> finding(out, f));
        }
        out.flush();
    }

    private static void remediation(PrintWriter out, Remediation r) {
        out.println("Remediation: " + r.action() + r.playbook().map(p -> " (" + p + ")").orElse(""));
        if (!r.hosts().isEmpty()) {
            out.println("  hosts:   " + UntrustedText.name(String.join(", ", r.hosts())));
        }
        out.println("  why:     " + r.reason());
        r.upgrade().ifPresent(u -> out.println("  upgrade: " + u));
    }

    private static void finding(PrintWriter out, Finding f) {
        out.println("  [" + f.severity().label() + "] " + f.code() + ": " + f.message());
        f.evidence().forEach(e -> out.println("      | " + UntrustedText.output(e)));
        f.fix().ifPresent(fix -> out.println("      fix: " + fix));
    }
}
