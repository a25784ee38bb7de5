package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The k3s settings that decide which netfilter front end its networking writes with: kube-proxy's mode
 * ({@code kube-proxy-arg: proxy-mode=nftables}, or {@code --kube-proxy-arg=proxy-mode=nftables} on the unit's
 * command line) and {@code prefer-bundled-bin} (k3s then runs its own iptables from {@code bin/aux} before the
 * host's). Read from config.yaml, config.yaml.d and the units, a later source winning (command-line flags last).
 * prefer-bundled-bin is read as k3s reads it (the collector's shell decides it by the same rules): a config file's
 * top-level {@code prefer-bundled-bin:} as YAML 1.1 (y, yes, on, true and their opposites, in k3s's YAML library's
 * three spellings), any other scalar as Go's {@code strconv.ParseBool} reads a flag value; on the command line
 * {@code --prefer-bundled-bin} alone is true and {@code --prefer-bundled-bin=VALUE} is that value.
 *
 * @param proxyMode        {@code iptables}, {@code ipvs} or {@code nftables}; empty when nothing sets it (kube-proxy's
 *                         default, iptables) or a place after the last setting could not be read
 * @param preferBundledBin false when every place was read (or is not on the node) and none sets it; empty when a
 *                         place after the last setting could not be read (a {@code # unreadable:} line or a failed
 *                         section), when none sets it and a section was not collected, or when the last setting is
 *                         a value k3s refuses
 */
public record K3sNetfilterArgs(Optional<String> proxyMode, Optional<Boolean> preferBundledBin) {
    private static final Pattern MODE = Pattern.compile("proxy-mode[=:\\s]+[\"']?(iptables|ipvs|nftables|kernelspace)\\b");
    private static final Pattern YAML_KEY = Pattern.compile("^[\"']?prefer-bundled-bin[\"']?[ \\t]*:(?:[ \\t](.*))?$");
    private static final Pattern FLAG = Pattern.compile("-prefer-bundled-bin(=[^\"'\\\\\\s]*|(?=[\"'\\\\\\s])|$)");
    private static final List<String> YAML_TRUE = List.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true",
            "True", "TRUE");
    private static final List<String> YAML_FALSE = List.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false",
            "False", "FALSE");

    /** The sections read, in the order k3s applies them. */
    static final List<String> SECTIONS = List.of("k3s-config", "k3s-config-d", "k3s-units");

    public static K3sNetfilterArgs from(CollectorOutput out) {
        Reading r = new Reading();
        for (String name : SECTIONS) {
            Section section = out.section(name);
            r.missing |= section.status() == Section.Status.MISSING;
            for (String line : section.status() == Section.Status.RAN ? section.lines() : List.<String>of()) {
                r.read(line, name.equals("k3s-units"));
            }
            if (section.status() == Section.Status.RAN && !section.succeeded()
                    && section.lines().stream().noneMatch(l -> l.startsWith(Section.UNREADABLE))) {
                r.unread();
            }
        }
        if (garbledConfigFile(out)) { // k3s refuses to start on it: what it would run with cannot be told
            r.unread();
        }
        return r.result();
    }

    /** A config file that was read but is not a YAML mapping (garbled, or cut in the middle of a value). */
    private static boolean garbledConfigFile(CollectorOutput out) {
        return K3sConfigSources.of(out, K3sConfigSources.DEFAULT).files().stream().anyMatch(f -> f.lines().isPresent()
                && K3sConfigYaml.parse(String.join("\n", f.lines().get())).isEmpty());
    }

    /** The settings as read so far, in k3s's order: a later setting, or a later unread place, wins. */
    private static final class Reading {
        private Optional<String> mode = Optional.empty();
        private Observed bundled;
        private boolean missing;

        void read(String line, boolean commandLine) {
            if (line.startsWith(Section.UNREADABLE)) {
                unread();
            } else if (!line.strip().startsWith("#")) {
                Matcher m = MODE.matcher(line);
                while (m.find()) {
                    mode = Optional.of(m.group(1));
                }
                for (Observed setting : commandLine ? flagSettings(line) : yamlSetting(line)) {
                    bundled = setting;
                }
            }
        }

        void unread() {
            mode = Optional.empty();
            bundled = Observed.CANNOT_TELL;
        }

        K3sNetfilterArgs result() {
            if (bundled == null) {
                return new K3sNetfilterArgs(mode, missing ? Optional.empty() : Optional.of(false));
            }
            return new K3sNetfilterArgs(mode, bundled == Observed.CANNOT_TELL ? Optional.empty()
                    : Optional.of(bundled == Observed.YES));
        }
    }

    /** A config file's line: its prefer-bundled-bin setting when it is the top-level key, as k3s reads it. */
    static List<Observed> yamlSetting(String line) {
        Matcher m = YAML_KEY.matcher(line);
        if (!m.matches()) {
            return List.of();
        }
        String value = m.group(1) == null ? "" : m.group(1).replaceFirst("[ \\t]#.*", "").strip();
        if (YAML_TRUE.contains(value)) {
            return List.of(Observed.YES);
        }
        if (YAML_FALSE.contains(value)) {
            return List.of(Observed.NO);
        }
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return List.of(parseBool(quoted ? value.substring(1, value.length() - 1) : value));
    }

    /** A command line's prefer-bundled-bin flags, in order: the bare flag is true, {@code =VALUE} that value. */
    static List<Observed> flagSettings(String line) {
        List<Observed> settings = new ArrayList<>();
        Matcher m = FLAG.matcher(line);
        while (m.find()) {
            settings.add(m.group(1).startsWith("=") ? parseBool(m.group(1).substring(1)) : Observed.YES);
        }
        return settings;
    }

    /** A flag value as Go's {@code strconv.ParseBool} reads it; cannot tell for one k3s refuses (it does not start). */
    private static Observed parseBool(String value) {
        return switch (value) {
            case "1", "t", "T", "true", "True", "TRUE" -> Observed.YES;
            case "0", "f", "F", "false", "False", "FALSE" -> Observed.NO;
            default -> Observed.CANNOT_TELL;
        };
    }
}
