package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the statement forms of iptables: {@code iptables-save} (a {@code *nat} ... {@code COMMIT} table, chains
 * declared as {@code :CHAIN POLICY [0:0]}; only the nat table is read when several are saved) and
 * {@code iptables -S} (chains declared as {@code -N CHAIN} or {@code -P CHAIN POLICY}). A chain is shown whole
 * when it is declared and no elision touches its rules; rules of an undeclared chain (a line cut out by grep)
 * are a fragment of it.
 */
final class SavedRules {
    private SavedRules() {}

    static IptablesView read(IptablesText text) {
        List<String> lines = natLines(text.lines());
        Set<String> declared = new LinkedHashSet<>();
        Set<String> policies = new LinkedHashSet<>();
        Map<String, List<Integer>> at = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).split("\\s+");
            if (words[0].startsWith(":") && words[0].length() > 1) {
                declared.add(words[0].substring(1));
                policies.add(words.length > 1 && !words[1].equals("-") ? words[0].substring(1) : "");
            } else if (words.length >= 2 && (words[0].equals("-N") || words[0].equals("-P"))) {
                declared.add(words[1]);
                policies.add(words[0].equals("-P") ? words[1] : "");
            } else if (words.length >= 2 && words[0].equals("-A")) {
                at.computeIfAbsent(words[1], k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, IptablesView.Chain> chains = new LinkedHashMap<>();
        declared.forEach(name -> chains.put(name, chain(name, lines, at.getOrDefault(name, List.of()), true, text)));
        at.forEach((name, where) -> chains.putIfAbsent(name, chain(name, lines, where, false, text)));
        return new IptablesView(chains, whole(lines, policies, text) && IptablesView.closed(chains));
    }

    /** The lines of the {@code *nat} table when the text marks tables, else all of them. */
    private static List<String> natLines(List<String> lines) {
        if (lines.stream().noneMatch(l -> l.startsWith("*"))) {
            return lines;
        }
        List<String> nat = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            in = line.startsWith("*") ? line.equals("*nat") : in;
            if (in || line.equals(IptablesText.ELISION)) {
                nat.add(line);
            }
        }
        return nat;
    }

    private static IptablesView.Chain chain(String name, List<String> lines, List<Integer> where, boolean declared,
                                            IptablesText text) {
        List<String> rules = where.stream().map(lines::get).toList();
        boolean filteredOut = text.filter().map(f -> f.isEmpty() || !name.toLowerCase().contains(f.toLowerCase()))
                .orElse(false);
        return new IptablesView.Chain(declared && !filteredOut && !elidedNear(lines, where, text), rules);
    }

    /** An elision inside or next to the chain's rules, or anywhere when it shows no rule. */
    private static boolean elidedNear(List<String> lines, List<Integer> where, IptablesText text) {
        if (where.isEmpty()) {
            return text.elided();
        }
        int from = Math.max(0, where.get(0) - 1);
        int to = Math.min(lines.size() - 1, where.get(where.size() - 1) + 1);
        return lines.subList(from, to + 1).contains(IptablesText.ELISION);
    }

    /** A saved nat table, or {@code -S} of a whole table whose built-in chains are the nat table's. */
    private static boolean whole(List<String> lines, Set<String> policies, IptablesText text) {
        if (text.elided() || text.filter().isPresent()) {
            return false;
        }
        boolean saved = lines.contains("*nat") && lines.contains("COMMIT");
        boolean listed = policies.containsAll(List.of("PREROUTING", "OUTPUT", "POSTROUTING"))
                && !policies.contains("FORWARD");
        return saved || listed;
    }
}
