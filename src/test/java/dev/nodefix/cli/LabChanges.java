package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.lab.NodeSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the lab ITs of changing commands share: running nodefix with a private run journal, and reading the nodes. */
final class LabChanges {
    private static final Pattern RUN = Pattern.compile("RUN (\\d{8}T\\d{6}Z-[0-9a-f]{4})");

    private final Lab lab;
    private final Path state;

    LabChanges(Lab lab, Path state) {
        this.lab = lab;
        this.state = state;
    }

    /** {@code nodefix ARGS -i LAB_INVENTORY} (no -i for {@code runs}), journaling under {@code state}. */
    CliRunner.Result nodefix(String... args) {
        String[] all = args[0].equals("runs") ? args
                : Stream.concat(Stream.of(args), Stream.of("-i", lab.inventory().toString())).toArray(String[]::new);
        return new CliRunner().clock(Clock.systemUTC()).env("XDG_STATE_HOME", state.toString()).run(all);
    }

    /** Each test starts from nodes without nodefix history: every node's journal and lock removed. */
    void forgetHistory() {
        lab.names().forEach(node -> lab.exec(node, "rm", "-rf", "/var/lib/nodefix"));
    }

    /** flannel.1's tx-checksum-ip-generic on the node: on, off, or ? */
    String offload(String node) {
        Matcher m = Pattern.compile("tx-checksum-ip-generic: (on|off)").matcher(lab.exec(node, "ethtool", "-k", "flannel.1"));
        return m.find() ? m.group(1) : "?";
    }

    Map<String, NodeSnapshot> snapshots() {
        Map<String, NodeSnapshot> out = new LinkedHashMap<>();
        lab.names().forEach(n -> out.put(n, NodeSnapshot.of(lab, n)));
        return out;
    }

    /** The run id a changing command printed ({@code RUN id}). */
    static String runId(CliRunner.Result r) {
        Matcher m = RUN.matcher(r.out());
        assertThat(m.find()).as("run id in " + r).isTrue();
        return m.group(1);
    }
}
