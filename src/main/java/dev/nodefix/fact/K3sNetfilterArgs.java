package dev.nodefix.fact;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The k3s settings that decide which netfilter front end its networking writes with: kube-proxy's mode
 * ({@code kube-proxy-arg: proxy-mode=nftables}, or {@code --kube-proxy-arg=proxy-mode=nftables} on the unit's
 * command line) and {@code prefer-bundled-bin} (k3s then runs its own iptables from {@code bin/aux} before the
 * host's). Read from config.yaml, config.yaml.d and the units, a later source winning (command-line flags last).
 *
 * @param proxyMode        {@code iptables}, {@code ipvs} or {@code nftables}; empty when nothing sets it (kube-proxy's
 *                         default, iptables) or nothing was readable
 * @param preferBundledBin false when every source was read (or is not on the node) and none sets it; empty when a
 *                         source could not be read and none read sets it
 */
public record K3sNetfilterArgs(Optional<String> proxyMode, Optional<Boolean> preferBundledBin) {
    private static final Pattern MODE = Pattern.compile("proxy-mode[=:\\s]+[\"']?(iptables|ipvs|nftables|kernelspace)\\b");
    private static final Pattern BUNDLED = Pattern.compile("prefer-bundled-bin\\b(?:[\"']?\\s*[=:]\\s*[\"']?(true|false))?");

    /** The sections read, in the order k3s applies them. */
    static final List<String> SECTIONS = List.of("k3s-config", "k3s-config-d", "k3s-units");

    public static K3sNetfilterArgs from(CollectorOutput out) {
        Optional<String> mode = Optional.empty();
        Optional<Boolean> bundled = Optional.empty();
        boolean allRead = true;
        for (String name : SECTIONS) {
            Section section = out.section(name);
            allRead &= section.succeeded() || section.status() == Section.Status.ABSENT;
            for (String line : section.succeeded() ? section.lines() : List.<String>of()) {
                if (line.strip().startsWith("#")) {
                    continue;
                }
                Matcher m = MODE.matcher(line);
                while (m.find()) {
                    mode = Optional.of(m.group(1));
                }
                Matcher b = BUNDLED.matcher(line);
                while (b.find()) {
                    bundled = Optional.of(b.group(1) == null || Boolean.parseBoolean(b.group(1)));
                }
            }
        }
        return new K3sNetfilterArgs(mode, bundled.isEmpty() && allRead ? Optional.of(false) : bundled);
    }
}
