package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's host ranges: {@code node[01:20]} (zero padding kept), {@code [a:c]}, strides
 * {@code [1:10:2]}, several ranges in one name. Unlike Ansible, a range that yields no host
 * ({@code node[5:1]}) is an error rather than silently nothing, and so is a pattern that stands for more than
 * {@link #MAX_HOSTS} hosts ({@code node[0:99999999]}), refused before any name is made.
 */
final class HostRange {
    /** The most hosts one pattern may stand for: far above any real cluster, far below what exhausts memory. */
    static final int MAX_HOSTS = 10_000;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A bad range; the message says why, the caller adds where. */
    static final class BadRange extends RuntimeException {
        BadRange(String message) {
            super(message);
        }
    }

    private HostRange() {}

    static boolean hasRange(String name) {
        return name.indexOf('[') >= 0;
    }

    /** The names a host pattern stands for (itself when it has no range); a bad range is an error at {@code at}. */
    static List<String> expandAt(String pattern, Location at) {
        if (pattern.isBlank()) {
            throw new InventoryException(at, "empty host name");
        }
        try {
            return hasRange(pattern) ? expand(pattern) : List.of(pattern);
        } catch (BadRange e) {
            throw new InventoryException(at, "bad host range in '" + pattern + "': " + e.getMessage());
        }
    }

    /** All names the pattern stands for, in order. */
    static List<String> expand(String pattern) {
        int open = pattern.indexOf('[');
        int close = pattern.indexOf(']');
        String marked = pattern.replaceFirst("\\[", "|").replaceFirst("]", "|");
        String[] parts = marked.split("\\|", -1);
        if (open < 0 || close < 0 || parts.length != 3) {
            throw new BadRange("a range must look like [begin:end] or [begin:end:step]");
        }
        List<String> hosts = new ArrayList<>();
        for (String item : sequence(parts[1])) {
            String name = parts[0] + item + parts[2];
            if (hasRange(name)) {
                hosts.addAll(expand(name));
            } else {
                hosts.add(name);
            }
            if (hosts.size() > MAX_HOSTS) {
                throw tooMany();
            }
        }
        return hosts;
    }

    private static List<String> sequence(String range) {
        String[] bounds = range.split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new BadRange("a range must be begin:end or begin:end:step, not [" + range + "]");
        }
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) {
            throw new BadRange("the range [" + range + "] has no end value");
        }
        int width = 0;
        if (begin.charAt(0) == '0' && begin.length() > 1) {
            width = begin.length();
            if (width != end.length()) {
                throw new BadRange("zero-padded range [" + range + "] needs begin and end of equal length");
            }
        }
        int step = bounds.length == 3 ? integer(bounds[2], range) : 1;
        if (step == 0) {
            throw new BadRange("the step of range [" + range + "] must not be zero");
        }
        List<String> items = LETTERS.contains(begin) && LETTERS.contains(end)
                ? letters(begin, end, step, range) : numbers(integer(begin, range), integer(end, range), step, width);
        if (items.isEmpty()) {
            throw new BadRange("the range [" + range + "] is empty: begin must be <= end");
        }
        return items;
    }

    private static List<String> letters(String begin, String end, int step, String range) {
        int from = LETTERS.indexOf(begin);
        int to = LETTERS.indexOf(end);
        if (from > to) {
            throw new BadRange("the range [" + range + "] is empty: begin must be <= end (a-z come before A-Z)");
        }
        List<String> items = new ArrayList<>();
        for (int i = from; step > 0 && i <= to; i += step) {
            items.add(String.valueOf(LETTERS.charAt(i)));
        }
        return items;
    }

    private static List<String> numbers(int begin, int end, int step, int width) {
        if (Math.abs((long) end - begin) / Math.abs((long) step) >= MAX_HOSTS) {
            throw tooMany();
        }
        List<String> items = new ArrayList<>();
        for (long i = begin; step > 0 ? i <= end : i > end + 1; i += step) {
            String digits = Long.toString(Math.abs(i));
            String padded = "0".repeat(Math.max(0, width - digits.length() - (i < 0 ? 1 : 0))) + digits;
            items.add(i < 0 ? "-" + padded : padded);
        }
        return items;
    }

    private static BadRange tooMany() {
        return new BadRange("it stands for more than " + MAX_HOSTS + " hosts; nodefix expands at most " + MAX_HOSTS
                + " hosts from one pattern");
    }

    private static int integer(String text, String range) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRange("the range [" + range + "] must have numbers or single letters for begin and end,"
                    + " and a number for the step; '" + text + "' is neither");
        }
    }
}
