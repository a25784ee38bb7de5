package dev.nodefix.sshconfig;

import java.util.List;
import java.util.Objects;

/**
 * A {@code ProxyJump} value: the hops in order (first hop first), empty for {@code ProxyJump none}, and the
 * text as written (comment removed).
 */
public record ProxyJump(List<JumpHop> hops, String text) {
    public ProxyJump {
        hops = List.copyOf(hops);
        Objects.requireNonNull(text, "text");
    }

    public boolean none() {
        return hops.isEmpty();
    }

    /** As {@code ssh -G} prints it: the earlier hops as written, the last hop rebuilt; "none" for none. */
    public String sshText() {
        if (none()) {
            return "none";
        }
        int comma = text.lastIndexOf(',');
        return (comma > 0 ? text.substring(0, comma) + "," : "") + hops.get(hops.size() - 1);
    }
}
