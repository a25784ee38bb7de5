package dev.nodefix.inventory;

import dev.nodefix.bound.Deadline;
import dev.nodefix.bound.DeadlineText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one pattern expression matches, by Ansible's rules ({@code _match_one_pattern}): groups whose
 * name matches (exactly, by glob, or by {@code ~regex} anchored at the start) contribute all their hosts,
 * children included; host names are matched when no group matched or the expression is a glob, a regex
 * or contains a dot. An optional subscript ({@code web[0]}, {@code web[1:3]}, {@code web[-1]}) then slices.
 * Matching runs within a time budget, so a {@code ~regex} that backtracks without end is an error, not a hang.
 */
final class TermMatcher {
    private static final Pattern SUBSCRIPT = Pattern.compile("(.+)\\[(?:(-?[0-9]+)|([0-9]+)[:-]([0-9]*))\\]");

    /** How long matching the patterns of one selection against every name may take. */
    private static final Duration BUDGET = Duration.ofSeconds(1);

    private final Inventory inventory;
    /** Started at the first match: one budget for every pattern this matcher matches. */
    private Deadline deadline;

    TermMatcher(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The matching host names in Ansible's order; empty when nothing (no group, no host) matched. */
    Optional<List<String>> match(String expression) {
        if (inventory.hosts().containsKey(expression)) {
            return Optional.of(List.of(expression));
        }
        Matcher sub = expression.startsWith("~") ? null : SUBSCRIPT.matcher(expression);
        if (sub != null && sub.matches()) {
            return enumerate(sub.group(1)).map(hosts -> slice(hosts, sub, expression));
        }
        return enumerate(expression);
    }

    private Optional<List<String>> enumerate(String expression) {
        Pattern pattern = compile(expression);
        Set<String> hosts = new LinkedHashSet<>();
        boolean groupMatched = false;
        for (String group : inventory.groups().keySet()) {
            if (matches(pattern, group, expression)) {
                groupMatched = true;
                hosts.addAll(hostsOf(group));
            }
        }
        boolean hostMatched = false;
        if (!groupMatched || expression.startsWith("~") || Glob.isGlob(expression) || expression.contains(".")) {
            for (String host : inventory.hosts().keySet()) {
                if (matches(pattern, host, expression)) {
                    hostMatched = true;
                    hosts.add(host);
                }
            }
        }
        return groupMatched || hostMatched ? Optional.of(List.copyOf(hosts)) : Optional.empty();
    }

    /** A pattern of the user's matched within {@link #BUDGET}: a regex that backtracks without end is an error. */
    private boolean matches(Pattern pattern, String name, String expression) {
        if (deadline == null) {
            deadline = Deadline.after(BUDGET);
        }
        try {
            return pattern.matcher(new DeadlineText(name, deadline)).lookingAt();
        } catch (Deadline.Exceeded e) {
            throw new InventoryException("host pattern '" + expression + "': matching it against the inventory "
                    + e.getMessage());
        }
    }

    private static Pattern compile(String expression) {
        try {
            if (expression.startsWith("~")) {
                return Pattern.compile(expression.substring(1));
            }
            Pattern glob = Glob.compile(expression);
            return Pattern.compile("(?:" + glob.pattern() + ")\\z", Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new InventoryException("invalid host pattern '" + expression + "': " + e.getDescription());
        }
    }

    /** Ansible's {@code Group.get_hosts()}: the group's hosts, then its descendants', breadth first. */
    List<String> hostsOf(String group) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>(List.of(group));
        List<String> level = List.of(group);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String g : level) {
                hosts.addAll(inventory.groups().get(g).hosts());
                inventory.groups().get(g).children().stream().filter(seen::add).forEach(next::add);
            }
            level = next;
        }
        return List.copyOf(hosts);
    }

    private static List<String> slice(List<String> hosts, Matcher sub, String expression) {
        if (hosts.isEmpty()) {
            return hosts;
        }
        if (sub.group(2) != null) {
            int index = Integer.parseInt(sub.group(2));
            int at = index < 0 ? hosts.size() + index : index;
            if (at < 0 || at >= hosts.size()) {
                throw new InventoryException("no host matches the subscripted pattern '" + expression + "': "
                        + hosts.size() + " host(s) matched before the subscript");
            }
            return List.of(hosts.get(at));
        }
        int start = Integer.parseInt(sub.group(3));
        int end = sub.group(4).isEmpty() ? hosts.size() - 1 : Integer.parseInt(sub.group(4));
        if (end == 0) {
            return start < hosts.size() ? List.of(hosts.get(start)) : List.of();
        }
        return start > end || start >= hosts.size() ? List.of() : hosts.subList(start, Math.min(end + 1, hosts.size()));
    }
}
