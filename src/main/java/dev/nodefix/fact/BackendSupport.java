package dev.nodefix.fact;

import java.util.Optional;

/**
 * Whether a k3s release accepts a {@code --flannel-backend} value. Pure; the table of
 * {@code src/test/resources/fact/backend-support/cases.txt} checks it, each row with its source.
 * <ul>
 * <li>{@code vxlan}, {@code host-gw}, {@code none}: every release.</li>
 * <li>{@code wireguard-native}: from v1.23.6+k3s1, backported to v1.22.9+k3s1 and v1.21.12+k3s1 (k3s PR 5391,
 *     5409, 5411).</li>
 * <li>{@code wireguard} (the wg-tool backend): deprecated with wireguard-native's arrival, a fatal error from v1.26
 *     (k3s issue 6440, PR 6574).</li>
 * <li>{@code ipsec}: deprecated; k3s stopped shipping strongSwan in v1.26.0, v1.25.5, v1.24.9 and v1.23.15; a fatal
 *     error from v1.27 (k3s issue 7297; docs.k3s.io/networking/basic-network-options).</li>
 * <li>{@code BACKEND=options}: a fatal error from v1.27 (flannel-conf instead).</li>
 * </ul>
 *
 * @param verdict whether the release takes it
 * @param reason  why not, or what to know (empty when accepted without remark)
 */
public record BackendSupport(Verdict verdict, String reason) {
    /** ACCEPTED; DEPRECATED (accepted, with a warning); REFUSED (k3s does not start); UNKNOWN (no version read). */
    public enum Verdict { ACCEPTED, DEPRECATED, REFUSED, UNKNOWN }

    public static BackendSupport check(String value, Optional<K3sRelease> release) {
        int eq = value.indexOf('=');
        if (eq >= 0) {
            if (release.isPresent() && atLeast(release.get(), 1, 27)) {
                return refused("k3s " + release.get() + " refuses options in flannel-backend (\"" + value + "\"): they"
                        + " were removed in v1.27; set them with flannel-conf");
            }
            BackendSupport base = check(value.substring(0, eq), release);
            return base.verdict() == Verdict.REFUSED ? base : new BackendSupport(Verdict.DEPRECATED,
                    "options in flannel-backend are deprecated (removed in v1.27)" + (base.reason().isEmpty() ? ""
                            : "; " + base.reason()));
        }
        switch (value) {
            case "vxlan", "host-gw", "none" -> {
                return new BackendSupport(Verdict.ACCEPTED, "");
            }
            case "wireguard-native" -> {
                if (release.isEmpty()) {
                    return unknown(value, "it needs v1.23.6+k3s1 or later (v1.22.9+k3s1, v1.21.12+k3s1 on those lines)");
                }
                K3sRelease r = release.get();
                Optional<K3sRelease> first = r.line().equals("1.21") ? K3sRelease.parse("v1.21.12+k3s1")
                        : r.line().equals("1.22") ? K3sRelease.parse("v1.22.9+k3s1")
                        : r.line().equals("1.23") ? K3sRelease.parse("v1.23.6+k3s1") : Optional.empty();
                boolean older = !atLeast(r, 1, 21) || first.map(f -> r.compareTo(f) < 0).orElse(false);
                return older ? refused("k3s " + r + " has no wireguard-native backend: it came with v1.23.6+k3s1"
                        + " (v1.22.9+k3s1, v1.21.12+k3s1 on those lines); upgrade k3s first")
                        : new BackendSupport(Verdict.ACCEPTED, "");
            }
            case "wireguard" -> {
                if (release.isEmpty()) {
                    return unknown(value, "k3s v1.26 and later refuse it");
                }
                return atLeast(release.get(), 1, 26)
                        ? refused("k3s " + release.get() + " refuses flannel-backend wireguard (removed in v1.26:"
                                + " \"please switch to wireguard-native\")")
                        : new BackendSupport(Verdict.DEPRECATED, "the wireguard backend is deprecated and removed in"
                                + " v1.26; switch to wireguard-native");
            }
            case "ipsec" -> {
                if (release.isEmpty()) {
                    return unknown(value, "k3s v1.27 and later refuse it");
                }
                return atLeast(release.get(), 1, 27)
                        ? refused("k3s " + release.get() + " refuses flannel-backend ipsec (removed in v1.27; switch"
                                + " to wireguard-native)")
                        : new BackendSupport(Verdict.DEPRECATED, "the ipsec backend is deprecated and removed in v1.27;"
                                + " k3s ships no strongSwan since v1.26.0, v1.25.5, v1.24.9 and v1.23.15 (the host"
                                + " must provide swanctl and charon); switch to wireguard-native");
            }
            default -> {
                return refused("k3s knows no flannel backend \"" + value + "\" (it takes vxlan, host-gw,"
                        + " wireguard-native or none)");
            }
        }
    }

    private static boolean atLeast(K3sRelease r, int major, int minor) {
        return r.major() > major || r.major() == major && r.minor() >= minor;
    }

    private static BackendSupport refused(String reason) {
        return new BackendSupport(Verdict.REFUSED, reason);
    }

    private static BackendSupport unknown(String value, String rule) {
        return new BackendSupport(Verdict.UNKNOWN, "the k3s version was not read, so whether it takes " + value
                + " cannot be told: " + rule);
    }
}
