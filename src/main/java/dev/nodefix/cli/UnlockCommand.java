package dev.nodefix.cli;

import dev.nodefix.engine.HostRun;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.JournalException;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.report.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix unlock [-l PATTERN] [--force]}: show who holds each node's lock; remove the locks of dead runs. */
@picocli.CommandLine.Command(name = "unlock", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show each selected node's lock and remove the locks of dead runs.",
                "For each node: its lock (/var/lib/nodefix/lock) and the run holding it. The lock is removed when that"
                + " run is dead: it finished (its run.json here), or its nodefix process on this machine is gone, and"
                + " no change of it still runs on the node. A lock whose run may be alive stays unless --force.",
                "Exit: 0 no lock left, 2 a lock kept, 4 a host unreachable, 1 bad input."})
public final class UnlockCommand implements Callable<Integer> {
    @Option(names = "--force", description = "Remove the lock even when its run may still be alive.")
    boolean force;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;

    private final CliContext ctx;

    public UnlockCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RunStore store = ctx.services().runs();
        RemoteRun.Outcome status = new RemoteRun(ctx).run(inventory, connection, become, NodeJournal.status());
        Map<String, String> toRemove = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int exit = ExitCode.OK;
        for (HostRun r : status.runs()) {
            exit = Math.max(exit, judge(store, r, toRemove, lines));
        }
        exit = Math.max(exit, remove(toRemove, status.runs(), lines));
        lines.forEach(ctx.out()::println);
        ctx.out().flush();
        return exit;
    }

    /** One host's lock: a line saying whose it is and what becomes of it; a lock to remove goes into {@code toRemove}. */
    private int judge(RunStore store, HostRun r, Map<String, String> toRemove, List<String> lines) {
        String name = r.host().name();
        if (!(r instanceof HostRun.Completed c) || !c.result().ok()) {
            lines.add(name + "  " + failure(r));
            return r instanceof HostRun.Unreachable ? ExitCode.HOST_UNREACHABLE : ExitCode.HOST_FAILED;
        }
        Optional<String> holder = c.result().stdout().lines().filter(l -> l.startsWith("lock ")).findFirst()
                .map(l -> l.substring(5));
        if (holder.isEmpty()) {
            lines.add(name + "  free");
            return ExitCode.OK;
        }
        LockCheck.Verdict v = verdict(store, holder.get(), c.result().stdout());
        if (!v.dead() && !force) {
            lines.add(name + "  kept  locked by run " + holder.get() + ": " + v.reason() + "; --force removes it");
            return ExitCode.HOST_FAILED;
        }
        toRemove.put(name, holder.get());
        lines.add(name + "  locked by run " + holder.get() + ": " + v.reason() + (v.dead() ? "" : " (--force)"));
        return ExitCode.OK;
    }

    private static String failure(HostRun r) {
        if (r instanceof HostRun.Completed c) {
            return "failed  exit " + c.result().exitCode() + ": " + c.result().stderr().strip();
        }
        return r instanceof HostRun.Unreachable u ? "unreachable  " + u.error().getMessage()
                : "failed  " + ((HostRun.Errored) r).message();
    }

    private LockCheck.Verdict verdict(RunStore store, String holder, String stdout) {
        String run = LockHolder.parse(holder).run();
        List<String> running = stdout.lines().filter(l -> l.startsWith("inflight " + run + " "))
                .map(l -> l.split(" ")[2]).toList();
        Optional<RunMeta> meta;
        try {
            meta = RunId.looksLike(run) ? store.find(run) : Optional.empty();
        } catch (JournalException e) {
            meta = Optional.empty();
        }
        return LockCheck.judge(holder, running, meta, LockHolder.bootId(), pid -> ProcessHandle.of(pid).isPresent());
    }

    /** Removes each lock if it still has the holder seen; a lock taken since by another run stays. */
    private int remove(Map<String, String> holders, List<HostRun> seen, List<String> lines) {
        if (holders.isEmpty()) {
            return ExitCode.OK;
        }
        List<String> names = seen.stream().map(HostRun::host).map(Host::name).filter(holders::containsKey).toList();
        RemoteRun.Outcome removed = new RemoteRun(ctx).run(inventory.limitedTo(names), connection, become,
                (all, host) -> NodeJournal.remove(holders.get(host.name())));
        int exit = ExitCode.OK;
        for (HostRun r : removed.runs()) {
            boolean ok = r instanceof HostRun.Completed c && c.result().ok();
            lines.add(r.host().name() + "  " + (ok ? "unlocked" : "kept  the lock changed hands or could not be removed: "
                    + failure(r)));
            exit = ok ? exit : ExitCode.HOST_FAILED;
        }
        return exit;
    }
}
