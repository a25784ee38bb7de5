package dev.nodefix.diagnose;

import java.util.Collection;
import java.util.Locale;

/** How a host (or the cluster) stands against the 63-second delay. */
public enum Verdict {
    AFFECTED, AT_RISK, NOT_AFFECTED, UNKNOWN;

    /** {@code affected}, {@code at-risk}, {@code not-affected}, {@code unknown}: the JSON contract's words. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The cluster's verdict: affected if any host is; else unknown if any host could not be judged (its facts
     * are missing, so at-risk or not-affected would be a guess); else at-risk if any; else not-affected.
     */
    public static Verdict of(Collection<Verdict> hosts) {
        for (Verdict v : new Verdict[] {AFFECTED, UNKNOWN, AT_RISK}) {
            if (hosts.contains(v)) {
                return v;
            }
        }
        return hosts.isEmpty() ? UNKNOWN : NOT_AFFECTED;
    }
}
