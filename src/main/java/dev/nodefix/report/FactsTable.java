package dev.nodefix.report;

import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.K3sEffectiveConfig;
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
        List<HostFacts.Collected> collected = results.stream().sorted(Comparator.comparing(HostFacts::host))
                .filter(HostFacts.Collected.class::isInstance).map(HostFacts.Collected.class::cast).toList();
        if (!collected.isEmpty()) {
            out.println();
            out.println("FLANNEL SETTINGS (as k3s reads its unit, drop-ins, env files and config files; FILE:LINE in force)");
            int width = collected.stream().mapToInt(c -> UntrustedText.name(c.host()).length()).max().orElse(0);
            collected.forEach(c -> settings(out, c, width));
        }
        out.flush();
    }

    /** The backend and every setting not at k3s's default, one a line; then the notes. */
    private static void settings(PrintWriter out, HostFacts.Collected c, int width) {
        K3sEffectiveConfig config = c.facts().k3sConfig();
        List<String> lines = new ArrayList<>();
        java.util.Map<String, List<String>> open = new java.util.LinkedHashMap<>(); // cannot tell, by reason
        for (String key : List.of("flannel-backend", "flannel-iface", "flannel-external-ip", "flannel-ipv6-masq",
                "flannel-conf")) {
            K3sEffectiveConfig.Setting s = config.setting(key);
            if (s == null || !key.equals(K3sEffectiveConfig.BACKEND) && s.state() == K3sEffectiveConfig.State.DEFAULT) {
                continue;
            }
            String others = s.others().isEmpty() ? "" : (s.state() == K3sEffectiveConfig.State.SET ? "; over "
                    : "; set at ") + String.join(", ", s.others().stream().map(o -> o.value() + " at "
                    + o.place().at()).toList());
            if (s.state() == K3sEffectiveConfig.State.CANNOT_TELL && others.isEmpty()) {
                open.computeIfAbsent(s.why(), w -> new ArrayList<>()).add(key);
            } else {
                lines.add(key + ": " + s.describe() + others);
            }
        }
        open.forEach((why, keys) -> lines.add(String.join(", ", keys) + ": ? (" + why + ")"));
        config.configFile().filter(f -> !f.equals("/etc/rancher/k3s/config.yaml"))
                .ifPresent(f -> lines.add("config file: " + f));
        config.notes().forEach(n -> lines.add("note: " + n));
        String host = UntrustedText.name(c.host());
        for (int i = 0; i < lines.size(); i++) {
            out.println(String.format("%-" + width + "s  %s", i == 0 ? host : "", UntrustedText.name(lines.get(i)))
                    .stripTrailing());
        }
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
