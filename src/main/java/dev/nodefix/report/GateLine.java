package dev.nodefix.report;

import java.util.List;
import java.util.Optional;

/** The health gate's line after a batch, the same in a playbook run and a rollback. */
final class GateLine {
    private GateLine() {}

    static String of(Style style, List<String> hosts, Optional<String> problem) {
        return "GATE  " + (problem.isEmpty() ? style.ok("healthy") + "  k3s active and node Ready: "
                + UntrustedText.name(String.join(", ", hosts)) : style.failed("failed") + "  "
                + UntrustedText.name(problem.get()));
    }
}
