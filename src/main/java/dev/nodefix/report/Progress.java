package dev.nodefix.report;

import java.io.PrintWriter;

/**
 * A live "done/total" line on the terminal's stderr while hosts finish, erased at the end so the report
 * that follows is clean. Silent when not on a terminal (logs, pipes, CI) or for a single host.
 */
public final class Progress {
    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private int done;
    private int unreachable;
    private int failed;

    public Progress(PrintWriter err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.enabled = terminal && total > 1;
    }

    /** One more host finished; {@code ok} false counts as failed, {@code reached} false as unreachable. */
    public void done(boolean ok, boolean reached) {
        done++;
        if (!reached) {
            unreachable++;
        } else if (!ok) {
            failed++;
        }
        if (enabled) {
            err.print("\r" + line());
            err.flush();
        }
    }

    String line() {
        return String.format("[%d/%d] hosts done, %d failed, %d unreachable", done, total, failed, unreachable);
    }

    /** A line of its own on stderr (a wait that goes on), the live line cleared first and shown again after. */
    public void note(String text) {
        clear();
        err.println(text);
        if (enabled && done > 0) {
            err.print("\r" + line());
        }
        err.flush();
    }

    public void clear() {
        if (enabled && done > 0) {
            err.print("\r" + " ".repeat(line().length()) + "\r");
            err.flush();
        }
    }
}
