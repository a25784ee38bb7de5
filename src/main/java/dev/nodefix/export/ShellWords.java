package dev.nodefix.export;

import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command line for the node script from argv built by nodefix's own command builders, where some words hold
 * stand-ins for values known only on the node: each stand-in becomes a shell expansion ({@code "$nf_seq"}), the
 * rest is quoted by {@link Command#quote}.
 */
final class ShellWords {
    private ShellWords() {}

    /** @param standIns stand-in text to the shell expression that replaces it (e.g. {@code "$nf_seq"}) */
    static String line(List<String> argv, Map<String, String> standIns) {
        List<String> words = new ArrayList<>();
        argv.forEach(w -> words.add(word(w, standIns)));
        return String.join(" ", words);
    }

    /** One word: its literal pieces quoted, its stand-ins replaced, joined with nothing between them. */
    static String word(String text, Map<String, String> standIns) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int at = -1;
            String found = null;
            for (String s : standIns.keySet()) {
                int i = text.indexOf(s, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    found = s;
                }
            }
            if (found == null) {
                break;
            }
            if (at > from) {
                out.append(Command.quote(text.substring(from, at)));
            }
            out.append(standIns.get(found));
            from = at + found.length();
        }
        if (from < text.length() || out.length() == 0) {
            out.append(Command.quote(text.substring(from)));
        }
        return out.toString();
    }
}
