package dev.nodefix.report;

import java.util.Map;

/** Terminal styling: ANSI colours, or none. */
public enum Style {
    PLAIN, COLOR;

    private static final String RESET = "\u001B[0m";

    /**
     * Colour only on a terminal, unless {@code --no-color}, a non-empty {@code NO_COLOR} (https://no-color.org: an
     * empty one does not count) or {@code TERM=dumb} (a terminal that cannot show escape sequences) says no.
     *
     * @param noColorOption whether {@code --no-color} was given
     * @param interactive   whether the output is a terminal
     */
    public static Style choose(boolean noColorOption, Map<String, String> env, boolean interactive) {
        boolean refused = noColorOption || !env.getOrDefault("NO_COLOR", "").isEmpty()
                || "dumb".equals(env.get("TERM"));
        return interactive && !refused ? COLOR : PLAIN;
    }

    public String ok(String text) {
        return paint("\u001B[32m", text);
    }

    public String changed(String text) {
        return paint("\u001B[33m", text);
    }

    public String failed(String text) {
        return paint("\u001B[31m", text);
    }

    public String unreachable(String text) {
        return paint("\u001B[1;31m", text);
    }

    public String dim(String text) {
        return paint("\u001B[2m", text);
    }

    private String paint(String code, String text) {
        return this == COLOR ? code + text + RESET : text;
    }
}
