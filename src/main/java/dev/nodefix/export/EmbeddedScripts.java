package dev.nodefix.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sh scripts nodefix's command builders pass to {@code /bin/sh -c} (the journal's, a file write's), each written
 * once at the top of the node script as a quoted here-document into a variable, byte for byte, and passed as
 * {@code "$nf_sh_N"}: the script stays short, and line-based checkers (checkbashisms) read it without tripping over
 * quotes inside quoted multi-line words.
 */
final class EmbeddedScripts {
    private static final String END = "NODEFIX_SH_END";
    private final Map<String, String> names = new LinkedHashMap<>();

    /** The argv as a command line: a {@code -c} script as its variable, the rest as {@link ShellWords#line}. */
    String line(List<String> argv, Map<String, String> standIns) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String w = argv.get(i);
            words.add(i > 0 && argv.get(i - 1).equals("-c") && embeddable(w) ? "\"$" + name(w) + "\""
                    : ShellWords.word(w, standIns));
        }
        return String.join(" ", words);
    }

    private String name(String script) {
        return names.computeIfAbsent(script, s -> "nf_sh_" + (names.size() + 1));
    }

    /** Command substitution drops trailing newlines, and the end marker must not be a line of the script. */
    private static boolean embeddable(String script) {
        return !script.endsWith("\n") && script.lines().noneMatch(END::equals);
    }

    /** The assignments, in the order first used. */
    String definitions() {
        StringBuilder out = new StringBuilder();
        names.forEach((script, name) -> out.append(name).append("=$(cat <<'").append(END).append("'\n")
                .append(script).append('\n').append(END).append("\n)\n"));
        return out.toString();
    }
}
