package dev.nodefix.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ssh command-line arguments as Ansible passes them ({@code ansible_ssh_common_args}, {@code ansible_ssh_args},
 * {@code ansible_ssh_extra_args}, ansible.cfg's {@code ssh_args}): split like a POSIX shell and read like ssh's own
 * option parser, {@code -o Key=Value} in any of ssh's spellings ({@code -oKey=Value}, {@code -o "Key Value"}),
 * {@code -p}, {@code -l}, {@code -i}, {@code -J}, {@code -F}, grouped flags ({@code -CT}). As in ssh, the first
 * value of an option wins; identity files accumulate. What nodefix cannot honour is kept in {@link #refused()} (the
 * caller refuses it with its origin), except what does not change where, as whom or how a host is trusted
 * (compression, connection sharing, keep-alives, logging), which is {@link #HARMLESS_OPTIONS}.
 *
 * @param options       lower-cased keyword to the first value given
 * @param identityFiles {@code -i} and {@code -o IdentityFile}, in order
 * @param configFiles   {@code -F} files, in order (ssh uses the last)
 * @param unusable      flags and words nodefix cannot honour, as written
 */
public record SshArgs(Map<String, String> options, List<String> identityFiles, List<String> configFiles,
        List<String> unusable) {

    /** Options read by nodefix. */
    public static final Set<String> HONOURED = Set.of("user", "port", "hostname", "identityfile", "identitiesonly",
            "connecttimeout", "proxyjump", "proxycommand", "userknownhostsfile", "globalknownhostsfile",
            "stricthostkeychecking", "identityagent");

    /** Options that change nothing nodefix decides: ignored. */
    public static final Set<String> HARMLESS_OPTIONS = Set.of("compression", "controlmaster", "controlpersist",
            "controlpath", "serveraliveinterval", "serveralivecountmax", "tcpkeepalive", "loglevel", "batchmode",
            "connectionattempts", "preferredauthentications", "passwordauthentication",
            "kbdinteractiveauthentication", "challengeresponseauthentication", "pubkeyauthentication",
            "gssapiauthentication", "gssapidelegatecredentials", "forwardagent", "forwardx11", "forwardx11trusted",
            "addkeystoagent", "hashknownhosts", "checkhostip", "visualhostkey", "updatehostkeys", "requesttty",
            "sendenv", "setenv", "escapechar", "exitonforwardfailure", "ipqos", "addressfamily",
            "numberofpasswordprompts", "verifyhostkeydns", "canonicalizehostname");

    /** Flags without an argument that change nothing nodefix decides (-4 -6 -a -A -C -k -n -q -t -T -v -x -X -Y -y). */
    private static final String HARMLESS_FLAGS = "46aACknqtTvxXYy";
    /** ssh 9.2's flags that take an argument. */
    private static final String WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

    /** Arguments nodefix cannot read; the message says why. */
    public static final class BadArgs extends RuntimeException {
        BadArgs(String message) {
            super(message);
        }
    }

    /** No arguments. */
    public static final SshArgs NONE = new SshArgs(Map.of(), List.of(), List.of(), List.of());

    public SshArgs {
        options = Map.copyOf(options);
        identityFiles = List.copyOf(identityFiles);
        configFiles = List.copyOf(configFiles);
        unusable = List.copyOf(unusable);
    }

    public static SshArgs parse(String args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        List<String> configs = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        List<String> words = ShellWords.split(args);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("-") || word.length() < 2) {
                unusable.add(word);
                continue;
            }
            for (int j = 1; j < word.length(); j++) {
                char flag = word.charAt(j);
                if (WITH_ARGUMENT.indexOf(flag) >= 0) {
                    String value = j + 1 < word.length() ? word.substring(j + 1) : next(words, ++i, word);
                    take(flag, value, options, keys, configs, unusable);
                    break;
                }
                if (HARMLESS_FLAGS.indexOf(flag) < 0) {
                    unusable.add("-" + flag);
                }
            }
        }
        SshArgs parsed = new SshArgs(options, keys, configs, unusable);
        parsed.port();
        parsed.proxyJump().ifPresent(ProxyJump::parse);
        return parsed;
    }

    private static String next(List<String> words, int i, String flag) {
        if (i >= words.size()) {
            throw new BadArgs("'" + flag + "' at the end of the ssh arguments needs a value");
        }
        return words.get(i);
    }

    private static void take(char flag, String value, Map<String, String> options, List<String> keys,
            List<String> configs, List<String> unusable) {
        switch (flag) {
            case 'o' -> addOption(options, keys, value);
            case 'p' -> options.putIfAbsent("port", value.strip());
            case 'l' -> options.putIfAbsent("user", value.strip());
            case 'i' -> keys.add(value.strip());
            case 'J' -> options.putIfAbsent("proxyjump", value.strip());
            case 'F' -> configs.add(value.strip());
            default -> unusable.add("-" + flag + " " + value);
        }
    }

    private static void addOption(Map<String, String> options, List<String> keys, String argument) {
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
        if (key.equals("identityfile")) {
            keys.add(firstWord(value));
        } else {
            options.putIfAbsent(key, key.equals("proxycommand") ? value : firstWord(value));
        }
    }

    private static String firstWord(String value) {
        List<String> words = value.isEmpty() ? List.of() : ShellWords.split(value);
        return words.isEmpty() ? "" : words.get(0);
    }

    /** What nodefix can neither honour nor safely ignore: flags, stray words and {@code -o} options, as written. */
    public List<String> refused() {
        List<String> refused = new ArrayList<>(unusable);
        options.keySet().stream().filter(k -> !HONOURED.contains(k) && !HARMLESS_OPTIONS.contains(k))
                .forEach(k -> refused.add("-o " + k));
        return refused;
    }

    public Optional<String> option(String keyword) {
        return Optional.ofNullable(options.get(keyword));
    }

    public Optional<String> proxyJump() {
        return option("proxyjump");
    }

    public Optional<Integer> port() {
        return option("port").map(value -> Ports.parse(value).orElseThrow(() ->
                new BadArgs("-o Port must be a number from 1 to 65535, found '" + value + "'")));
    }

    public Optional<String> userKnownHostsFile() {
        return option("userknownhostsfile");
    }

    public Optional<String> strictHostKeyChecking() {
        return option("stricthostkeychecking").map(v -> v.toLowerCase(Locale.ROOT));
    }
}
