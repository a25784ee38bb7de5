package dev.nodefix.fact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chain a headerless {@code -L} rule line (cut out by grep) belongs to, where only one chain holds rules of
 * that text: kube-proxy's SNAT comment, its unmark RETURN and MARK, the jumps to KUBE-POSTROUTING and
 * FLANNEL-POSTRTG (from POSTROUTING), flannel's mark RETURN. Anything else stays unattributed: other
 * "flanneld masq" rules live in FLANNEL-POSTRTG or, before flannel v0.20, in POSTROUTING.
 */
final class RuleOwner {
    private static final Pattern KUBE = Pattern.compile(
            ".*kubernetes service traffic requiring SNAT.*|-m mark ! --mark 0x4000/0x4000 -j RETURN"
                    + "|-j MARK --set-xmark (0x4000/0x0|0x0/0x4000)");
    private static final Pattern JUMP = Pattern.compile(".*-j (KUBE-POSTROUTING|FLANNEL-POSTRTG)");
    private static final Pattern FLANNEL = Pattern.compile(
            "-m mark --mark 0x4000/0x4000 -m comment --comment \"flanneld masq\" -j RETURN");

    private RuleOwner() {}

    static Optional<String> of(String body) {
        if (KUBE.matcher(body).matches()) {
            return Optional.of("KUBE-POSTROUTING");
        }
        if (JUMP.matcher(body).matches()) {
            return Optional.of("POSTROUTING");
        }
        return FLANNEL.matcher(body).matches() ? Optional.of("FLANNEL-POSTRTG") : Optional.empty();
    }
}
