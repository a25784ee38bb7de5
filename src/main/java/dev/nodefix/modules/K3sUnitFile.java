package dev.nodefix.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A k3s systemd unit file's last {@code ExecStart=}, split into words the way systemd splits it (single and
 * double quotes, backslash-newline continuations; install.sh writes one quoted word per continued line),
 * with each word's place in the file, so {@code --flannel-backend} can be rewritten by splicing: every other
 * byte of the file stays as it was.
 */
final class K3sUnitFile {
    private static final List<String> BACKEND_FLAGS = List.of("--flannel-backend", "-flannel-backend");
    private static final List<String> CONFIG_FLAGS = List.of("--config", "-config", "-c", "--c");

    /** One word: {@code [start, end)} in the file, its value after quote removal, whether it ends with a closing quote. */
    private record Word(int start, int end, String value, boolean quoteEnds) {}

    /** A {@code --flannel-backend} value: the word holding it and the value. */
    private record Setting(Word word, String value) {}

    private final String path;
    private final String text;
    private final List<Word> words;
    private final List<Setting> settings;

    private K3sUnitFile(String path, String text, List<Word> words) {
        this.path = path;
        this.text = text;
        this.words = List.copyOf(words);
        this.settings = settings(words);
    }

    static K3sUnitFile parse(String path, String text) {
        int[] line = lastExecStart(text);
        if (line.length == 0) {
            throw new K3sEditException(path + " has no ExecStart=: not a k3s unit nodefix can read");
        }
        return new K3sUnitFile(path, text, split(path, text, line[0], line[1]));
    }

    /** The {@code --flannel-backend} value k3s takes from the command line (the last one wins), if any. */
    Optional<String> backend() {
        return settings.isEmpty() ? Optional.empty() : Optional.of(settings.get(settings.size() - 1).value());
    }

    /** Whether every {@code --flannel-backend} on the command line says {@code backend} (none at all counts). */
    boolean allSay(String backend) {
        return settings.stream().allMatch(s -> s.value().equals(backend));
    }

    /** The k3s subcommand ({@code server}, {@code agent}), if the command line has one. */
    Optional<String> subcommand() {
        return words.size() > 1 && !words.get(1).value().startsWith("-") ? Optional.of(words.get(1).value())
                : Optional.empty();
    }

    /** The config file given with {@code --config}/{@code -c}, if any (k3s then does not read the default one). */
    Optional<String> configFile() {
        Optional<String> found = Optional.empty();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i).value();
            int eq = w.indexOf('=');
            if (eq > 0 && CONFIG_FLAGS.contains(w.substring(0, eq))) {
                found = Optional.of(w.substring(eq + 1));
            } else if (CONFIG_FLAGS.contains(w) && i + 1 < words.size()) {
                found = Optional.of(words.get(i + 1).value());
            }
        }
        return found;
    }

    /** The whole file with every {@code --flannel-backend} value replaced by {@code backend}, nothing else touched. */
    String withBackend(String backend) {
        StringBuilder out = new StringBuilder(text);
        for (int i = settings.size() - 1; i >= 0; i--) {
            Setting s = settings.get(i);
            int end = s.word().quoteEnds() ? s.word().end() - 1 : s.word().end();
            int start = end - s.value().length();
            if (start < s.word().start() || !text.substring(start, end).equals(s.value())) {
                throw new K3sEditException("cannot rewrite --flannel-backend in place in " + path
                        + " (escaped or oddly quoted value); edit it by hand");
            }
            out.replace(start, end, backend);
        }
        K3sUnitFile edited = parse(path, out.toString());
        if (edited.words.size() != words.size() || !edited.backend().equals(Optional.of(backend))
                || edited.settings.stream().anyMatch(s -> !s.value().equals(backend))) {
            throw new K3sEditException("rewriting --flannel-backend in " + path + " would change more than its value");
        }
        return out.toString();
    }

    private List<Setting> settings(List<Word> all) {
        List<Setting> found = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            String w = all.get(i).value();
            int eq = w.indexOf('=');
            if (eq > 0 && BACKEND_FLAGS.contains(w.substring(0, eq))) {
                found.add(new Setting(all.get(i), w.substring(eq + 1)));
            } else if (BACKEND_FLAGS.contains(w)) {
                if (i + 1 >= all.size()) {
                    throw new K3sEditException("ExecStart in " + path + " ends with " + w + " and no value");
                }
                found.add(new Setting(all.get(i + 1), all.get(i + 1).value()));
            }
        }
        return found;
    }

    /** {@code [from, to)}: the value of the last non-empty {@code ExecStart=} with its continuations; empty if none. */
    private static int[] lastExecStart(String text) {
        int[] found = new int[0];
        int at = 0;
        while (at < text.length()) {
            int end = logicalLineEnd(text, at);
            String head = text.substring(at, end).stripLeading();
            if (head.startsWith("ExecStart=")) {
                int from = text.indexOf("ExecStart=", at) + "ExecStart=".length();
                if (!text.substring(from, end).replace("\\\n", " ").isBlank()) {
                    found = new int[] {from, end};
                }
            }
            at = end + 1;
        }
        return found;
    }

    /** The index of the newline ending the logical line starting at {@code at} (or the text's end). */
    private static int logicalLineEnd(String text, int at) {
        int nl = text.indexOf('\n', at);
        while (nl > 0 && continues(text, nl)) {
            nl = text.indexOf('\n', nl + 1);
        }
        return nl < 0 ? text.length() : nl;
    }

    /** Whether the newline at {@code nl} follows a backslash (optionally with a CR between). */
    private static boolean continues(String text, int nl) {
        int before = nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 2 : nl - 1;
        return before >= 0 && text.charAt(before) == '\\';
    }

    private static List<Word> split(String path, String text, int from, int to) {
        List<Word> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to && isLineBreak(text, i + 1)) {
                i = text.indexOf('\n', i) + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                Word w = word(path, text, i, to);
                out.add(w);
                i = w.end();
            }
        }
        return out;
    }

    private static Word word(String path, String text, int start, int to) {
        StringBuilder value = new StringBuilder();
        char quote = 0;
        boolean quoteEnds = false;
        int i = start;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (quote == 0 && (Character.isWhitespace(c) || c == '\\' && i + 1 < to && isLineBreak(text, i + 1))) {
                break;
            }
            quoteEnds = quote != 0 && c == quote;
            if (quoteEnds || quote == 0 && (c == '\'' || c == '"')) {
                quote = quoteEnds ? 0 : c;
            } else if (c == '\\' && i + 1 < to && quote != '\'') {
                value.append(text.charAt(++i));
            } else {
                value.append(c);
            }
        }
        if (quote != 0) {
            throw new K3sEditException("ExecStart in " + path + " has an unterminated " + quote + " quote");
        }
        return new Word(start, i, value.toString(), quoteEnds);
    }

    private static boolean isLineBreak(String text, int i) {
        return text.charAt(i) == '\n' || text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
    }
}
