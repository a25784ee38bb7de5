package dev.nodefix.probe;

import dev.nodefix.transport.Command;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One POSIX sh run per node: the UDP InCsumErrors counter, a timed TCP connect to each target with a 5 s limit
 * (curl's {@code time_connect} when curl is there, else {@code timeout 5 nc -z}), and the counter again.
 * Targets are validated {@link ProbeTarget}s passed as arguments, never pasted into the script.
 */
public record ProbeScript(List<ProbeTarget> targets) {
    public static final int LIMIT_SECONDS = 5;
    static final String TEXT = String.join("\n",
            "csum() { awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) if ($i == \"InCsumErrors\") c = i; h = 1 }"
                    + " else if (c) print $c }' /proc/net/snmp 2>/dev/null; }",
            "echo \"csum-before $(csum)\"",
            "for t in \"$@\"; do",
            "  if command -v curl >/dev/null 2>&1; then",
            "    s=$(curl -so /dev/null -w '%{time_connect}' --connect-timeout " + LIMIT_SECONDS + " -m " + (LIMIT_SECONDS + 1) + " \"http://$t/\"); rc=$?",
            "    echo \"connect $t curl $rc $s\"",
            "  elif command -v nc >/dev/null 2>&1; then",
            "    a=$(date +%s%N); timeout " + LIMIT_SECONDS + " nc -z \"${t%:*}\" \"${t##*:}\" </dev/null >/dev/null 2>&1; rc=$?",
            "    b=$(date +%s%N); echo \"connect $t nc $rc $(( (b - a) / 1000 ))us\"",
            "  else",
            "    echo \"connect $t none 127\"",
            "  fi",
            "done",
            "echo \"csum-after $(csum)\"",
            "");

    public ProbeScript {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("probe: no targets");
        }
    }

    public Command command() {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-s", "--"));
        targets.forEach(t -> argv.add(t.toString()));
        return Command.of(argv.toArray(String[]::new)).withStdin(TEXT.getBytes(StandardCharsets.UTF_8))
                .withTimeout(Duration.ofSeconds(LIMIT_SECONDS * (targets.size() + 1L) + 10));
    }
}
