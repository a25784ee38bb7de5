package dev.nodefix.inventory;

import java.util.regex.Pattern;

/** Python's {@code fnmatch.translate}: shell wildcards ({@code *}, {@code ?}, {@code [abc]}, {@code [!abc]}) as a regex. */
final class Glob {
    private Glob() {}

    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int end = classEnd(glob, i);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    regex.append(characterClass(glob.substring(i, end)));
                    i = end + 1;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Index of the ']' closing a class that starts at {@code start}, or -1. */
    private static int classEnd(String glob, int start) {
        int j = start;
        if (j < glob.length() && glob.charAt(j) == '!') {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        while (j < glob.length() && glob.charAt(j) != ']') {
            j++;
        }
        return j < glob.length() ? j : -1;
    }

    private static String characterClass(String body) {
        boolean negated = body.startsWith("!");
        String members = negated ? body.substring(1) : body;
        StringBuilder out = new StringBuilder(negated ? "[^" : "[");
        for (char c : members.toCharArray()) {
            out.append(c == '-' ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return out.append(']').toString();
    }
}
