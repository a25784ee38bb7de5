package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the table form of iptables: {@code iptables -t nat -L [CHAIN]} with or without {@code -n}, {@code -v},
 * {@code -x} and {@code --line-numbers}, several chains one after another. A chain block is its
 * {@code Chain NAME (...)} header (hand-edited ones too), the column header and the rule lines up to a blank line,
 * the next header or the end; it is shown whole unless something in it was elided, unreadable or filtered.
 * Rule lines without a header (cut out by grep) are kept only where their text names the chain they belong to
 * ({@link RuleOwner}), as fragments.
 */
final class ListedRules {
    private static final Pattern HEADER = Pattern.compile("Chain\\s+(\\S+)(?:\\s*\\((.*)\\)?)?.*");
    private static final Pattern COLUMNS = Pattern.compile("(num\\s+)?(pkts\\s+bytes\\s+)?target\\s+prot\\s+opt\\b.*");

    private static final Pattern STATEMENT = Pattern.compile("(?:-[ANP]\\s|:|\\*|#|COMMIT\\b|iptables).*");

    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final Set<String> policies = new LinkedHashSet<>();
    private final IptablesText text;
    private Block open;
    private boolean duplicated;

    /** The rules shown so far of one chain block. */
    private static final class Block {
        final List<String> rules = new ArrayList<>();
        ListRule.Columns columns;
        boolean damaged;
        boolean closed;
    }

    private ListedRules(IptablesText text) {
        this.text = text;
    }

    static IptablesView read(IptablesText text) {
        ListedRules reader = new ListedRules(text);
        text.lines().forEach(reader::accept);
        return reader.view();
    }

    private void accept(String line) {
        Matcher header = HEADER.matcher(line);
        Matcher columns = COLUMNS.matcher(line);
        if (header.matches()) {
            begin(header.group(1), Optional.ofNullable(header.group(2)).orElse(""));
        } else if (columns.matches() && open != null && open.columns == null && open.rules.isEmpty()) {
            open.columns = new ListRule.Columns(columns.group(1) != null, columns.group(2) != null);
        } else if (line.isEmpty()) {
            close();
        } else if (line.equals(IptablesText.ELISION)) {
            damage();
        } else if (STATEMENT.matcher(line).matches()) {
            close();
        } else {
            rule(line);
        }
    }

    private void begin(String chain, String detail) {
        close();
        duplicated |= blocks.containsKey(chain);
        open = new Block();
        open.damaged = blocks.containsKey(chain);
        blocks.put(chain, open);
        if (detail.startsWith("policy")) {
            policies.add(chain);
        }
    }

    private void rule(String line) {
        Optional<String> body = ListRule.parse(line, open == null ? null : open.columns);
        if (open != null && !open.closed) {
            body.ifPresentOrElse(open.rules::add, () -> open.damaged = true);
            return;
        }
        body.ifPresent(b -> RuleOwner.of(b).ifPresent(chain -> orphan(chain, b)));
    }

    private void orphan(String chain, String body) {
        Block block = blocks.computeIfAbsent(chain, c -> new Block());
        block.damaged = true;
        block.closed = true;
        block.rules.add(body);
    }

    private void damage() {
        if (open != null && !open.closed) {
            open.damaged = true;
        }
        close();
    }

    private void close() {
        if (open != null) {
            open.closed = true;
        }
        open = null;
    }

    private IptablesView view() {
        Map<String, IptablesView.Chain> chains = new LinkedHashMap<>();
        boolean filtered = text.filter().isPresent();
        blocks.forEach((name, b) -> chains.put(name, new IptablesView.Chain(
                b.columns != null && !b.damaged && !filtered,
                b.rules.stream().map(r -> r.isEmpty() ? "-A " + name : "-A " + name + " " + r).toList())));
        boolean nat = policies.containsAll(List.of("PREROUTING", "OUTPUT", "POSTROUTING")) && !policies.contains("FORWARD");
        boolean whole = nat && !duplicated && !text.elided() && !filtered && IptablesView.closed(chains)
                && chains.values().stream().allMatch(IptablesView.Chain::complete);
        return new IptablesView(chains, whole);
    }
}
