package dev.nodefix.export;

import dev.nodefix.expr.ExpressionException;
import dev.nodefix.expr.Expressions;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conditions ({@code when}, an assert's {@code that}) for the node script. The variables are known when exporting;
 * the facts are read on the node. A condition is evaluated by nodefix's own expression engine once for every
 * combination of the facts it reads (each a yes/no the node script can read itself: {@link FactReads}), and becomes
 * a table: the node script reads those facts and looks its combination up. A condition that reads a fact with no
 * node-side reading, or {@code host}/{@code role}, cannot be exported.
 */
final class FactConditions {
    /** More facts than this in one condition is refused (the table has 2^n rows). */
    private static final int MOST = 6;
    private final Expressions expressions;

    FactConditions(Expressions expressions) {
        this.expressions = expressions;
    }

    /** A condition as the node script tests it: always, never, or a table over fact readings. */
    sealed interface Test permits Always, Table {
    }

    record Always(boolean value) implements Test {
    }

    /** @param facts the fact readings, in order; @param holds the combinations (one 0/1 per fact) where it holds */
    record Table(List<FactReads.Read> facts, Set<String> holds) implements Test {
        /** sh that exits 0 when the condition holds on the node. */
        String sh() {
            StringBuilder out = new StringBuilder("{ nf_b=");
            for (FactReads.Read f : facts) {
                out.append("; if ").append(f.sh()).append("; then nf_b=${nf_b}1; else nf_b=${nf_b}0; fi");
            }
            out.append("; case $nf_b in ").append(String.join("|", holds)).append(") true ;; *) false ;; esac; }");
            return out.toString();
        }
    }

    /**
     * @param vars the play's variables and the extra vars, as the task sees them
     * @throws ExportException (without a place: the caller adds the task's) when the condition cannot be exported
     */
    Test compile(String condition, Map<String, Object> vars) {
        List<String> known = new ArrayList<>();
        while (true) {
            Set<String> holds = new LinkedHashSet<>();
            Set<String> found = new LinkedHashSet<>();
            for (int row = 0; row < 1 << known.size(); row++) {
                Map<String, Boolean> values = new LinkedHashMap<>();
                for (int i = 0; i < known.size(); i++) {
                    values.put(known.get(i), (row >> (known.size() - 1 - i) & 1) == 1);
                }
                Set<String> unknown = new LinkedHashSet<>();
                SymbolicFacts facts = new SymbolicFacts("facts", values, found, unknown);
                Map<String, Object> context = new LinkedHashMap<>(vars);
                context.put("facts", facts);
                boolean value;
                try {
                    value = expressions.test(condition, context);
                } catch (ExpressionException e) {
                    refuseUnknown(unknown);
                    throw new ExportException(e.getMessage());
                }
                refuseUnknown(unknown);
                if (value) {
                    holds.add(bits(row, known.size()));
                }
            }
            found.removeAll(known);
            if (found.isEmpty()) {
                if (holds.isEmpty() || holds.size() == 1 << known.size()) {
                    return new Always(!holds.isEmpty());
                }
                return new Table(known.stream().map(FactReads::of).map(Optional::orElseThrow).toList(), holds);
            }
            known.addAll(found);
            if (known.size() > MOST) {
                throw new ExportException("'" + condition + "' reads more than " + MOST + " facts");
            }
        }
    }

    private static void refuseUnknown(Set<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new ExportException(unknown.iterator().next() + " has no reading in the node script (it reads "
                    + String.join(", ", FactReads.SUPPORTED) + ")");
        }
    }

    private static String bits(int row, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = n - 1; i >= 0; i--) {
            out.append((row >> i) & 1);
        }
        return n == 0 ? "''" : out.toString();
    }

    /**
     * The facts as an expression sees them, made up as it reads them: a map at every path a node-side reading exists
     * below, a yes/no from {@code values} at a reading (false until it is known), and a record of each path read.
     */
    private static final class SymbolicFacts extends AbstractMap<String, Object> {
        private final String path;
        private final Map<String, Boolean> values;
        private final Set<String> found;
        private final Set<String> unknown;

        SymbolicFacts(String path, Map<String, Boolean> values, Set<String> found, Set<String> unknown) {
            this.path = path;
            this.values = values;
            this.found = found;
            this.unknown = unknown;
        }

        @Override
        public Object get(Object key) {
            String at = path + (key instanceof String s && s.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + s
                    : "[" + key + "]");
            if (FactReads.of(at).isPresent()) {
                found.add(at);
                return values.getOrDefault(at, false);
            }
            if (FactReads.prefix(at)) {
                return new SymbolicFacts(at, values, found, unknown);
            }
            unknown.add(at);
            return null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
