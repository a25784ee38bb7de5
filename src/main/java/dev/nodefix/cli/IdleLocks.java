package dev.nodefix.cli;

import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.ChangeRun;
import dev.nodefix.engine.Connections;
import dev.nodefix.inventory.Host;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/**
 * {@code --break-lock} on the hosts a run will not lock because they have nothing to change: their locks are
 * removed all the same, each one broken named on stderr (a lock left by a dead run has no other way out there).
 */
final class IdleLocks {
    private IdleLocks() {}

    /** @param changing the names of the hosts the run will lock (and break there itself) */
    static void breakOn(Connections connections, int forks, BecomeRule become, List<Host> hosts,
                        Collection<String> changing, PrintWriter err) {
        List<Host> idle = hosts.stream().filter(h -> !changing.contains(h.name())).toList();
        new ChangeRun(connections, forks, become, true).breakLocks(idle).forEach((host, said) -> {
            if (!said.equals("not locked")) {
                err.println(host + ": " + said);
            }
        });
        err.flush();
    }
}
