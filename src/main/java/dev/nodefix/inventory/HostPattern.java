package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An Ansible host pattern as given to {@code -l/--limit}: {@code all}, {@code *} or empty for every host;
 * host and group names; globs ({@code labn0*}); {@code ~regex}; terms joined by {@code :} or {@code ,};
 * {@code a:&b} intersection; {@code a:!b} exclusion. Unions apply first, then intersections, then
 * exclusions, as in Ansible. Unlike Ansible, a term that matches nothing, or a pattern that selects no
 * host, is an error rather than a warning.
 */
public final class HostPattern {
    private final String text;
    private final List<PatternTerm> terms;

    private HostPattern(String text, List<PatternTerm> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    public static HostPattern parse(String pattern) {
        String text = pattern == null ? "" : pattern;
        return new HostPattern(text, PatternSplitter.split(text));
    }

    /**
     * A pattern as {@code -l/--limit} reads it: a union term {@code @NAME} stands for the terms {@code references}
     * reads for NAME (a run's hosts that did not finish, or the lines of a file), applied with the others in
     * Ansible's order (unions, intersections, exclusions).
     */
    public static HostPattern parse(String pattern, PatternReferences references) {
        String text = pattern == null ? "" : pattern;
        return new HostPattern(text, PatternSplitter.split(text, references));
    }

    /** The selected hosts in inventory order, each once. */
    public List<Host> select(Inventory inventory) {
        return select(inventory, note -> { });
    }

    /**
     * As {@link #select(Inventory)}; a name read from {@code @RUN} or {@code @FILE} that the inventory no longer has
     * (a node taken out since, a smaller {@code -i}) is left out with a note, as Ansible warns and goes on, while a
     * typed term that matches nothing stays an error.
     */
    public List<Host> select(Inventory inventory, java.util.function.Consumer<String> notes) {
        TermMatcher matcher = new TermMatcher(inventory);
        Set<String> selected = new LinkedHashSet<>();
        for (PatternTerm term : terms) {
            Optional<List<String>> found = matcher.match(term.expression());
            if (found.isEmpty() && !term.from().isEmpty()) {
                notes.accept("'" + term.expression() + "' (from " + term.from() + ") is not in " + inventory.source()
                        + ": left out");
                continue;
            }
            List<String> matched = found.orElseThrow(() -> noMatch(term, inventory));
            switch (term.op()) {
                case UNION -> selected.addAll(matched);
                case INTERSECTION -> selected.retainAll(matched);
                case EXCLUSION -> matched.forEach(selected::remove);
            }
        }
        if (selected.isEmpty()) {
            throw InventoryException.selectsNothing("host pattern '" + text + "' selects no hosts in " + inventory.source());
        }
        List<Host> hosts = new ArrayList<>();
        inventory.hosts().values().stream().filter(h -> selected.contains(h.name())).forEach(hosts::add);
        return hosts;
    }

    private InventoryException noMatch(PatternTerm term, Inventory inventory) {
        List<String> names = Stream.concat(inventory.groups().keySet().stream(), inventory.hosts().keySet().stream())
                .distinct().toList();
        Optional<String> suggestion = DidYouMean.closest(term.expression(), names);
        String where = terms.size() > 1 || !term.toString().equals(text.strip()) ? " in host pattern '" + text + "'" : "";
        return InventoryException.selectsNothing("'" + term.expression() + "'" + where + " matches no host or group in "
                + inventory.source() + suggestion.map(s -> " (did you mean '" + s + "'?)").orElse(""));
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostPattern p && p.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms);
    }
}
