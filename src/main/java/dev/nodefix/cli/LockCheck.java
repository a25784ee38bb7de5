package dev.nodefix.cli;

import dev.nodefix.journal.RunMeta;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Pure: whether the run holding a node's lock is dead, from what can show it. A change of that run still running
 * on the node means alive, whatever else; its {@code run.json} here saying it finished, or its nodefix process
 * (on this machine, this boot) being gone, means dead; anything else cannot be told, and only --force removes it.
 */
final class LockCheck {
    /** @param dead whether the lock may be removed without --force */
    record Verdict(boolean dead, String reason) {
    }

    private LockCheck() {}

    /**
     * @param holder    the lock's holder line ({@code RUN started ... pid PID boot BOOT})
     * @param running   the seqs of the holder's run whose process still runs on the node
     * @param meta      the holder's run as this machine recorded it, if it did
     * @param localBoot this machine's boot id
     * @param alive     whether a pid on this machine is alive
     */
    static Verdict judge(String holder, List<String> running, Optional<RunMeta> meta, String localBoot, LongPredicate alive) {
        if (holder.isBlank() || holder.startsWith("unknown run")) {
            return new Verdict(false, "the lock names no run, so nothing shows whether its run is alive");
        }
        LockHolder h = LockHolder.parse(holder);
        if (!running.isEmpty()) {
            return new Verdict(false, "change #" + String.join(", #", running) + " of run " + h.run()
                    + " is still running on the node");
        }
        if (meta.flatMap(RunMeta::finished).isPresent()) {
            return new Verdict(true, "run " + h.run() + " finished at " + meta.get().finished().get().at()
                    + " and nothing of it runs on the node");
        }
        boolean here = h.boot().isPresent() && !localBoot.isEmpty() && h.boot().get().equals(localBoot);
        if (here && h.pid().isPresent()) {
            long pid = h.pid().get();
            return alive.test(pid) ? new Verdict(false, "its nodefix process " + pid + " is still running on this machine")
                    : new Verdict(true, "its nodefix process " + pid + " is gone and nothing of it runs on the node");
        }
        return new Verdict(false, "it was started on another machine (or before its last boot), so this machine cannot"
                + " tell whether it is alive");
    }
}
