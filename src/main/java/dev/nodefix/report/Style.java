package dev.nodefix.report;

/** Terminal styling: ANSI colours, or none. */
public enum Style {
    PLAIN, COLOR;

    private static final String RESET = "\u001B[0m";

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
