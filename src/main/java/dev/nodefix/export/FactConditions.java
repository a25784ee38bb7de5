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
        /**
         * sh that exits 0 when the condition holds on the node, 1 when it does not. A fact the node cannot read
         * (x) is never taken as no: when the condition's value depends on it, the sh calls {@code nf_refuse} and
         * returns from the task's function.
         */
        String sh() {
            StringBuilder out = new StringBuilder("{ nf_b= nf_x=");
            for (FactReads.Read f : facts) {
                out.append("; ").append(f.sh()).append("; case $? in 0) nf_b=${nf_b}1 ;; 1) nf_b=${nf_b}0 ;; *) nf_b=${nf_b}x")
                        .append(" nf_x=").append(dev.nodefix.transport.Command.quote("cannot tell " + f.path() + ": "
                                + f.cannot())).append(" ;; esac");
            }
            List<String> yes = new ArrayList<>();
            List<String> no = new ArrayList<>();
            for (String row : rows(facts.size())) {
                Set<Boolean> values = new LinkedHashSet<>();
                completions(row).forEach(c -> values.add(holds.contains(c)));
                if (values.size() == 1) {
                    (values.contains(true) ? yes : no).add(row);
                }
            }
            out.append("; case $nf_b in ").append(String.join("|", yes)).append(") true ;; ").append(String.join("|", no))
                    .append(") false ;; *) nf_refuse \"$nf_x\"; return ;; esac; }");
            return out.toString();
        }

        /** Every reading of n facts: each 1, 0 or x (cannot tell). */
        private static List<String> rows(int n) {
            List<String> out = new ArrayList<>(List.of(""));
            for (int i = 0; i < n; i++) {
                List<String> next = new ArrayList<>();
                out.forEach(r -> { next.add(r + "1"); next.add(r + "0"); next.add(r + "x"); });
                out = next;
            }
            return out;
        }

        /** The 0/1 combinations a reading with x's may stand for. */
        private static List<String> completions(String row) {
            int at = row.indexOf('x');
            if (at < 0) {
                return List.of(row);
            }
            List<String> out = new ArrayList<>(completions(row.substring(0, at) + "1" + row.substring(at + 1)));
            out.addAll(completions(row.substring(0, at) + "0" + row.substring(at + 1)));
            return out;
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
            // a feature is always written features[F], however it was read (features.rx_gro, ['rx_gro'], [var])
            String at = path + (!path.equals("facts.offload.features") && key instanceof String s
                    && s.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + s : "[" + key + "]");
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
