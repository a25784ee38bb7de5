package dev.nodefix.report;

/**
 * The one way text goes into an HTML report: every value (host names, what nodes printed, messages quoting them)
 * is made inert. {@code & < > " '} become character references, so a value can neither open a tag nor leave an
 * attribute; control and invisible format characters are written as escapes first, as on a terminal
 * ({@link UntrustedText#output}), so a value cannot hide or reorder text either.
 */
final class Html {
    private Html() {}

    /** {@code text} as element content or a quoted attribute value. */
    static String text(String text) {
        String shown = UntrustedText.output(text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
