package dev.nodefix.playbook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The variable names an expression in a play may read, and which of them are built in. Built in: {@code facts}
 * (the host's facts, as {@code facts --json} shows them), {@code host} (its inventory name) and {@code role}
 * ({@code server}, {@code agent} or {@code unknown}). Then {@code -e} extra vars, the play's {@code vars}, and
 * the names registered by earlier tasks of the same play; in {@code until}, {@code changed_when} and
 * {@code failed_when} also the task's own {@code register}.
 */
record Scope(Set<String> names) {
    static final List<String> BUILTIN = List.of("facts", "host", "role");

    Scope {
        names = Set.copyOf(names);
    }

    static Scope builtin() {
        return new Scope(Set.copyOf(BUILTIN));
    }

    Scope with(Iterable<String> more) {
        Set<String> all = new LinkedHashSet<>(names);
        more.forEach(all::add);
        return new Scope(all);
    }

    Scope with(String name) {
        return with(List.of(name));
    }

    boolean defines(String name) {
        return names.contains(name);
    }
}
