package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.NodeRead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one run's journal from each of some hosts, in one round trip per host, with the changes still in flight. */
final class NodeJournals {
    private static final Pattern INFLIGHT = Pattern.compile("(?m)^inflight (\\S+) (\\d{1,9}) (\\d{1,10})$");

    private final CliContext ctx;

    NodeJournals(CliContext ctx) {
        this.ctx = ctx;
    }

    /** @param hosts the hosts to read (a subset of the selection); none: nothing is contacted */
    Map<String, NodeRead> read(String run, List<Host> hosts, InventoryOptions inventory, ConnectionOptions connection,
                               BecomeOptions become) {
        Map<String, NodeRead> out = new LinkedHashMap<>();
        if (hosts.isEmpty()) {
            return out;
        }
        InventoryOptions only = inventory.limitedTo(hosts.stream().map(Host::name).toList());
        RemoteRun.Outcome outcome = new RemoteRun(ctx).run(only, connection, become, NodeJournal.read(run));
        for (HostRun r : outcome.runs()) {
            out.put(r.host().name(), of(run, r));
        }
        return out;
    }

    private static NodeRead of(String run, HostRun r) {
        if (r instanceof HostRun.Completed c && c.result().ok()) {
            Map<Integer, Long> running = new LinkedHashMap<>();
            Matcher m = INFLIGHT.matcher(c.result().stderr());
            while (m.find()) {
                if (m.group(1).equals(run)) {
                    running.put(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
                }
            }
            return new NodeRead.Journal(JournalText.parse(c.host().name() + ":" + NodeJournal.journalPath(run),
                    c.result().stdout()), running);
        }
        if (r instanceof HostRun.Completed c) {
            return c.result().exitCode() == 44 ? new NodeRead.Missing()
                    : new NodeRead.Failed("exit " + c.result().exitCode() + ": " + c.result().stderr().strip());
        }
        if (r instanceof HostRun.Unreachable u) {
            return new NodeRead.Unreachable(u.error().getMessage());
        }
        HostRun.Errored e = (HostRun.Errored) r;
        return new NodeRead.Failed(e.failure() + ": " + e.message());
    }
}
