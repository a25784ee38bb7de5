package dev.nodefix.sshconfig;

import java.util.Locale;

/**
 * OpenSSH's pattern matching (match.c): {@code *} and {@code ?} wildcards, and comma-separated lists whose
 * {@code !}-negated entries veto a match.
 */
final class HostPatterns {
    private HostPatterns() {}

    /** match_pattern: the whole of {@code s} against one wildcard pattern, case-sensitive. */
    static boolean matches(String s, String pattern) {
        return matches(s, 0, pattern, 0);
    }

    private static boolean matches(String s, int si, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (matches(s, k, p, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length();
    }

    /**
     * match_pattern_list == 1: some entry of the comma-separated {@code list} matches and no negated one
     * does; {@code lower} lower-cases the entries (ssh does so for host names).
     */
    static boolean listMatches(String s, String list, boolean lower) {
        boolean matched = false;
        for (String entry : list.split(",", -1)) {
            boolean negated = entry.startsWith("!");
            String pattern = negated ? entry.substring(1) : entry;
            if (lower) {
                pattern = pattern.toLowerCase(Locale.ROOT);
            }
            if (matches(s, pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }
}
