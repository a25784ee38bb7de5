package dev.nodefix.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of {@code ansible_ssh_common_args} nodefix honours: {@code -o ProxyJump=}, {@code -J},
 * {@code -o Port=}, {@code -o UserKnownHostsFile=} and {@code -o StrictHostKeyChecking=}, in any of
 * ssh's spellings ({@code -o Key=Value}, {@code -oKey=Value}, {@code -o "Key Value"}); other options are
 * ignored. As in ssh, the first value given for an option wins. The string is split like a POSIX shell.
 */
public record SshArgs(Optional<String> proxyJump, Optional<Integer> port, Optional<String> userKnownHostsFile,
        Optional<String> strictHostKeyChecking) {

    /** Arguments nodefix cannot use; the message says why. */
    public static final class BadArgs extends RuntimeException {
        BadArgs(String message) {
            super(message);
        }
    }

    /** No {@code ansible_ssh_common_args}. */
    public static final SshArgs NONE = new SshArgs(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public static SshArgs parse(String args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = ShellWords.split(args);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-o") || word.equals("-J")) {
                if (i + 1 >= words.size()) {
                    throw new BadArgs("'" + word + "' at the end of the ssh arguments needs a value");
                }
                addOption(options, word, words.get(++i));
            } else if (word.startsWith("-o") || word.startsWith("-J")) {
                addOption(options, word.substring(0, 2), word.substring(2));
            }
        }
        Optional<String> jump = Optional.ofNullable(options.get("proxyjump"));
        jump.ifPresent(ProxyJump::parse);
        return new SshArgs(jump, port(options.get("port")), Optional.ofNullable(options.get("userknownhostsfile")),
                Optional.ofNullable(options.get("stricthostkeychecking")).map(v -> v.toLowerCase(Locale.ROOT)));
    }

    private static void addOption(Map<String, String> options, String flag, String argument) {
        if (flag.equals("-J")) {
            options.putIfAbsent("proxyjump", argument.strip());
            return;
        }
        String option = argument.strip();
        int split = 0;
        while (split < option.length() && option.charAt(split) != '=' && !Character.isWhitespace(option.charAt(split))) {
            split++;
        }
        String key = option.substring(0, split).toLowerCase(Locale.ROOT);
        String value = option.substring(split).strip();
        if (value.startsWith("=")) {
            value = value.substring(1).strip();
        }
        options.putIfAbsent(key, firstWord(value));
    }

    private static String firstWord(String value) {
        List<String> words = value.isEmpty() ? List.of() : ShellWords.split(value);
        return words.isEmpty() ? "" : words.get(0);
    }

    private static Optional<Integer> port(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int port = Ports.parse(value).orElseThrow(() ->
                new BadArgs("-o Port must be a number from 1 to 65535, found '" + value + "'"));
        return Optional.of(port);
    }
}
