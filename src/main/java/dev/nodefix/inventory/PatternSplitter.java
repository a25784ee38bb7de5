package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code split_host_pattern}: terms separated by commas; without a comma, a string that is one
 * host address (an IPv6 address, {@code host:port}) stays whole, anything else is split at colons
 * outside {@code [...]}. Terms are then ordered as Ansible applies them: unions, intersections,
 * exclusions; only intersections or exclusions start from "all". Unlike Ansible, an unbalanced bracket, which
 * its split would drop, is an error.
 */
final class PatternSplitter {
    private static final Pattern COLON_TERM = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private PatternSplitter() {}

    static List<PatternTerm> split(String pattern) {
        List<PatternTerm> terms = new ArrayList<>();
        raw(pattern).stream().map(PatternTerm::of).forEach(terms::add);
        return ordered(terms);
    }

    /**
     * As {@link #split(String)}, each union term {@code @NAME} replaced by the terms {@code references} reads for
     * NAME (Ansible's {@code --limit @FILE}); {@code &@NAME} and {@code !@NAME}, which Ansible reads as names, are
     * refused rather than matched as names no inventory has.
     */
    static List<PatternTerm> split(String pattern, PatternReferences references) {
        List<PatternTerm> terms = new ArrayList<>();
        for (String raw : raw(pattern)) {
            PatternTerm term = PatternTerm.of(raw);
            if (term.op() == PatternTerm.Op.UNION && raw.startsWith("@") && raw.length() > 1) {
                references.expand(raw.substring(1)).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .map(PatternTerm::of).map(t -> t.readFrom(raw)).forEach(terms::add);
            } else if (term.op() != PatternTerm.Op.UNION && term.expression().startsWith("@")) {
                throw new InventoryException("host pattern '" + pattern + "': '" + raw + "': a @RUN or @FILE term"
                        + " stands on its own, as in Ansible, which reads @ only at the start of a term; narrow or"
                        + " exclude with other terms: '" + term.expression() + ",&GROUP' or '" + term.expression()
                        + ",!NAME'");
            } else {
                terms.add(term);
            }
        }
        return ordered(terms);
    }

    /** The terms as written, stripped, empty ones dropped. */
    private static List<String> raw(String pattern) {
        List<String> raw = new ArrayList<>();
        if (pattern.contains(",")) {
            raw.addAll(Arrays.asList(pattern.split(",", -1)));
        } else if (HostAddress.parse(pattern).isPresent()) {
            raw.add(pattern);
        } else {
            Matcher m = COLON_TERM.matcher(pattern);
            int end = 0;
            while (m.find()) {
                requireOnlySeparators(pattern, end, m.start());
                raw.add(m.group());
                end = m.end();
            }
            requireOnlySeparators(pattern, end, pattern.length());
        }
        return raw.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Between terms only colons and blanks may stand: Ansible's split drops anything else silently, so {@code agent[}
     * would mean {@code agent} and {@code ~[} every host. Such a pattern is refused instead.
     */
    private static void requireOnlySeparators(String pattern, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = pattern.charAt(i);
            if (c != ':' && !Character.isWhitespace(c)) {
                throw new InventoryException("host pattern '" + pattern + "': '" + c + "' at column " + (i + 1)
                        + (c == '[' ? " has no closing ']'" : " has no opening '['")
                        + " (a subscript is written name[0], name[1:3] or name[-1])");
            }
        }
    }

    private static List<PatternTerm> ordered(List<PatternTerm> terms) {
        List<PatternTerm> ordered = new ArrayList<>();
        for (PatternTerm.Op op : PatternTerm.Op.values()) {
            terms.stream().filter(t -> t.op() == op).forEach(ordered::add);
        }
        if (ordered.isEmpty() || ordered.get(0).op() != PatternTerm.Op.UNION) {
            ordered.add(0, new PatternTerm(PatternTerm.Op.UNION, "all"));
        }
        return ordered;
    }
}
