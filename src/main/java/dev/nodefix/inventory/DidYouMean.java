package dev.nodefix.inventory;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" suggestions: the candidate closest to a misspelt word by optimal string alignment
 * distance (Levenshtein plus adjacent transpositions), if it is close enough to be a plausible typo.
 */
public final class DidYouMean {
    private DidYouMean() {}

    /** The closest candidate within a typo's distance of {@code word}, ties broken by candidate order. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return closest(word, candidates, allowedDistance(word));
    }

    /** The closest candidate at most {@code maxDistance} edits away from {@code word}. */
    public static Optional<String> closest(String word, Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            if (d < bestDistance && d > 0) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= maxDistance ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} or the empty string: to append to a message. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    static int allowedDistance(String word) {
        return Math.max(1, Math.min(3, word.length() / 4));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
