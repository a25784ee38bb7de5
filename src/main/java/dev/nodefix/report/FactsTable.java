package dev.nodefix.report;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.KubePostrouting;
import dev.nodefix.fact.NodeFacts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code nodefix facts}: one row per host, the columns an operator scans for the 63-second delay. */
public final class FactsTable {
    private static final List<String> HEADER =
            List.of("HOST", "ROLE", "KERNEL", "IPTABLES", "BACKEND", "TX-CSUM-OFFLOAD", "KUBE-POSTROUTING", "PERSISTED");

    public void print(PrintWriter out, List<HostFacts> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        results.stream().sorted(Comparator.comparing(HostFacts::host)).forEach(r -> rows.add(row(r)));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() && row.size() == HEADER.size(); i++) { // a failure message spans the row
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.flush();
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            s.append(i == row.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
        }
        return s.toString().stripTrailing();
    }

    private static List<String> row(HostFacts result) {
        if (result instanceof HostFacts.NotCollected n) {
            return List.of(UntrustedText.name(n.host()), n.status().toUpperCase(Locale.ROOT) + ": "
                    + UntrustedText.name(n.message()));
        }
        NodeFacts f = ((HostFacts.Collected) result).facts();
        return List.of(UntrustedText.name(result.host()), lower(f.k3s().role()), f.kernel().release().orElse("-"), iptables(f),
                f.backend().effective().orElse("-") + (f.backend().consistent() ? "" : " (sources disagree)"),
                offload(f.offload()), kubePostrouting(f.kubePostrouting()), switch (f.persistence().persisted()) {
                    case YES -> "yes";
                    case NO -> "no";
                    case CANNOT_TELL -> "?"; // not listed or unreadable: never "no"
                });
    }

    private static String iptables(NodeFacts f) {
        return f.iptables().version().map(v -> v + " " + lower(f.iptables().mode())).orElse("-");
    }

    private static String offload(EthtoolFeatures features) {
        if (!features.available()) {
            return "-";
        }
        return features.txChecksumIpGeneric().map(t -> (t.on() ? "on" : "off") + (t.fixed() ? " [fixed]" : ""))
                .orElse("?");
    }

    private static String kubePostrouting(KubePostrouting k) {
        return lower(k.form()) + (k.randomFully().orElse(false) ? " (random-fully)" : "");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
