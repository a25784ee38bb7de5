package dev.nodefix.report;

import dev.nodefix.executor.TaskLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PLAY RECAP row: per host, counted over its task lines as Ansible counts them ({@code ok} includes
 * {@code changed}; an ignored failure counts as {@code ignored}, not {@code failed}).
 */
public record PlayRecap(String host, int ok, int changed, int unreachable, int failed, int skipped, int ignored,
                        int deferred) {
    /** Rows for every host that has a line, by host name (as Ansible sorts its recap). */
    public static List<PlayRecap> of(List<TaskLine> lines) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (TaskLine l : lines) {
            int[] c = counts.computeIfAbsent(l.host(), h -> new int[7]);
            switch (l.status()) {
                case OK -> c[0]++;
                case CHANGED -> {
                    c[0]++;
                    c[1]++;
                }
                case UNREACHABLE -> c[2]++;
                case FAILED -> c[l.ignored() ? 5 : 3]++;
                case SKIPPED -> c[4]++;
                case DEFERRED -> c[6]++;
            }
        }
        return counts.entrySet().stream().map(e -> {
            int[] c = e.getValue();
            return new PlayRecap(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
        }).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", ok);
        m.put("changed", changed);
        m.put("unreachable", unreachable);
        m.put("failed", failed);
        m.put("skipped", skipped);
        m.put("ignored", ignored);
        m.put("deferred", deferred);
        return m;
    }
}
