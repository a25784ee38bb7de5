package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.CommandChange;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.EntryCodec;
import dev.nodefix.journal.FoundRuns;
import dev.nodefix.journal.NodeHistory;
import dev.nodefix.journal.RunKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code runs --from-nodes} as text: each run with its hosts' states, and the hosts nothing can be told of, by name. */
class RunsFromNodesTextTest {
    private static final String RUN = "20261125T201503Z-3f9a";

    @Test
    void eachRunShowsItsHostsAndTheHostsNotReadAreNamed() {
        String applied = "nodefix-journal " + RUN + "\n"
                + EntryCodec.line(Optional.empty(), new Entry.Started(RUN, RunKind.APPLY, Optional.empty(),
                Instant.parse("2026-11-25T20:15:03Z"))) + "\n"
                + EntryCodec.line(Optional.empty(), new Entry.Intent(1, 1, "vxlan checksum offload off",
                new CommandChange("ethtool -K flannel.1 tx-checksum-ip-generic off",
                        Optional.of("ethtool -K flannel.1 tx-checksum-ip-generic on")), Optional.empty())) + "\n";
        String done = applied + EntryCodec.line(Optional.empty(), new Entry.Done(1)) + "\n";
        Map<String, NodeHistory> nodes = new LinkedHashMap<>();
        nodes.put("node1", NodeHistory.parse("node1", done, ""));
        nodes.put("node2", NodeHistory.parse("node2", applied, ""));
        nodes.put("node3", new NodeHistory.Unreachable("connection refused"));
        StringWriter out = new StringWriter();

        new RunsText().fromNodes(new PrintWriter(out), FoundRuns.of(nodes, Set.of(RUN)));

        assertThat(out.toString()).isEqualTo("""
                runs in the journals of 2 of 3 host(s); cannot tell for node3
                RUN                    STARTED              KIND       HOSTS HERE     STATE                WHAT
                20261125T201503Z-3f9a  2026-11-25T20:15:03Z apply        2/2 yes      mixed                vxlan checksum offload off
                    node1: done, node2: unfinished
                cannot tell for node3 (unreachable: connection refused)
                HOSTS: hosts whose journal has the run, of those read; HERE: this machine's run store has it too
                """);
    }

    @Test
    void nodesWithoutJournalsSaySo() {
        StringWriter out = new StringWriter();

        new RunsText().fromNodes(new PrintWriter(out), FoundRuns.of(Map.of("node1", NodeHistory.parse("node1", "", "")), Set.of()));

        assertThat(out.toString()).isEqualTo("runs in the journals of 1 of 1 host(s)\nno runs in the nodes' journals\n");
    }
}
