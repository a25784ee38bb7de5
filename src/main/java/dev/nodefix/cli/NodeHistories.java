package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.journal.NodeHistory;
import dev.nodefix.journal.NodeJournal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every run's journal from each selected host, in one round trip per host ({@link NodeJournal#list()}):
 * read-only and without the node's lock, so a run holding it is neither waited for nor disturbed.
 */
final class NodeHistories {
    private final CliContext ctx;

    NodeHistories(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Each selected host's journals, in the inventory's order. */
    Map<String, NodeHistory> read(InventoryOptions inventory, ConnectionOptions connection, BecomeOptions become) {
        Map<String, NodeHistory> got = new LinkedHashMap<>();
        for (HostRun r : new RemoteRun(ctx).run(inventory, connection, become, NodeJournal.list()).runs()) {
            got.put(r.host().name(), of(r));
        }
        Map<String, NodeHistory> out = new LinkedHashMap<>();
        inventory.names(inventory.setup(ctx, connection, become).inventory()).stream().map(h -> h.name())
                .filter(got::containsKey).forEach(h -> out.put(h, got.get(h)));
        got.forEach(out::putIfAbsent);
        return out;
    }

    private static NodeHistory of(HostRun r) {
        if (r instanceof HostRun.Completed c) {
            return NodeHistory.of(c.host().name(), c.result().exitCode(), c.result().stdout(), c.result().stderr());
        }
        if (r instanceof HostRun.Unreachable u) {
            return new NodeHistory.Unreachable(u.error().getMessage());
        }
        HostRun.Errored e = (HostRun.Errored) r;
        return new NodeHistory.Unreadable(e.failure() + ": " + e.message());
    }
}
