package dev.nodefix.diagnose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collector text made worse in one section: the section dropped (not collected), cut to its first or last half
 * with an elision {@code ...} where the rest was (a fragment, as a paste cut by its publisher), or replaced by
 * garbage (unreadable).
 *
 * @param name {@code drop kube-postrouting}, {@code head ethtool-features}, ...
 */
record Degradation(String name, UnaryOperator<String> apply) {
    private static final Pattern SECTION = Pattern.compile(
            "@@nodefix:section ([a-z0-9-]+)@@\n(.*?)\n?@@nodefix:end \\1 ([^@]*)@@\n?", Pattern.DOTALL);
    /**
     * Sections no cut makes a fragment of: the collector frames the persistence listing file by file, so its half
     * is a whole answer about fewer files; a capture cut there loses the end marker and reads "not collected" (the
     * drop covers it).
     */
    private static final Set<String> NOT_CUT = Set.of("persistence");
    private static final String ELISION = "...";
    private static final String GARBAGE = "\u0001\u0002 @@@ garbled: not the command's output %%% \u00ff";

    @Override
    public String toString() {
        return name;
    }

    /** Every degradation of {@code raw}: three or four per section. */
    static List<Degradation> of(String raw) {
        List<Degradation> out = new ArrayList<>();
        Matcher m = SECTION.matcher(raw);
        while (m.find()) {
            String section = m.group(1);
            out.add(new Degradation("drop " + section, text -> replace(text, section, null)));
            out.add(new Degradation("garbage " + section, text -> replace(text, section, GARBAGE)));
            if (!NOT_CUT.contains(section)) {
                out.add(new Degradation("head " + section, text -> replace(text, section, half(body(text, section), true))));
                out.add(new Degradation("tail " + section, text -> replace(text, section, half(body(text, section), false))));
            }
        }
        return out;
    }

    private static String body(String raw, String section) {
        Matcher m = SECTION.matcher(raw);
        while (m.find()) {
            if (m.group(1).equals(section)) {
                return m.group(2);
            }
        }
        return "";
    }

    private static String half(String body, boolean head) {
        List<String> lines = Arrays.asList(body.split("\n", -1));
        int keep = lines.size() / 2;
        List<String> cut = new ArrayList<>(head ? lines.subList(0, keep) : lines.subList(lines.size() - keep, lines.size()));
        cut.add(head ? cut.size() : 0, ELISION);
        return String.join("\n", cut);
    }

    /** {@code raw} with {@code section}'s body replaced (its end marker kept), or the section removed ({@code null}). */
    private static String replace(String raw, String section, String body) {
        StringBuilder out = new StringBuilder();
        Matcher m = SECTION.matcher(raw);
        while (m.find()) {
            String whole = m.group();
            if (m.group(1).equals(section)) {
                whole = body == null ? "" : "@@nodefix:section " + section + "@@\n" + body + "\n\n@@nodefix:end "
                        + section + " " + m.group(3) + "@@\n";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(whole));
        }
        m.appendTail(out);
        return out.toString();
    }
}
