package dev.nodefix.sshconfig;

/**
 * One word taken by OpenSSH's {@code strdelim}: ended by whitespace or a single {@code =} (with the
 * whitespace around it), or quoted in double quotes. {@code next} is where the following word starts,
 * -1 when the text ended inside this word.
 */
record Delimited(String text, int start, int next) {
    private static final String WHITESPACE = " \t\r\n";

    /** The word at {@code from} in {@code s}, or null when a double quote is not closed (or {@code from} is -1). */
    static Delimited next(String s, int from) {
        if (from < 0) {
            return null;
        }
        int i = from;
        while (i < s.length() && (WHITESPACE + "\"=").indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length()) {
            return new Delimited(s.substring(from), from, -1);
        }
        if (s.charAt(i) == '"') {
            int close = s.indexOf('"', i + 1);
            if (close < 0) {
                return null;
            }
            String text = s.substring(from, i) + s.substring(i + 1, close);
            return new Delimited(text, from, skipWhitespace(s, close + 1));
        }
        boolean equals = s.charAt(i) == '=';
        int next = skipWhitespace(s, i + 1);
        if (!equals && next < s.length() && s.charAt(next) == '=') {
            next = skipWhitespace(s, next + 1);
        }
        return new Delimited(s.substring(from, i), from, next);
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
