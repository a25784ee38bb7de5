package dev.nodefix.report;

import java.io.PrintWriter;

/**
 * A live line on the terminal's stderr, rewritten in place and erased at the end so the report that follows is
 * clean: "done/total" while hosts finish (silent when not on a terminal (logs, pipes, CI) or for a single host),
 * and the waits that go on ({@link #waiting}), which are lines of their own where the line cannot be rewritten.
 * Safe to call from the threads that run hosts and tell waits.
 */
public final class Progress {
    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final boolean live;
    private int done;
    private int unreachable;
    private int failed;
    /** What the live line shows now; empty when nothing. */
    private String shown = "";

    public Progress(PrintWriter err, int total, boolean terminal) {
        this(err, total, terminal, false);
    }

    /**
     * @param live whether a wait is shown in place on the live line: a terminal that takes escape sequences
     *             (not TERM=dumb, no NO_COLOR or --no-color); otherwise each wait step is a line of its own
     */
    public Progress(PrintWriter err, int total, boolean terminal, boolean live) {
        this.err = err;
        this.total = total;
        this.enabled = terminal && total > 1;
        this.live = live;
    }

    /** One more host finished; {@code ok} false counts as failed, {@code reached} false as unreachable. */
    public synchronized void done(boolean ok, boolean reached) {
        done++;
        if (!reached) {
            unreachable++;
        } else if (!ok) {
            failed++;
        }
        if (enabled) {
            show(line());
        }
    }

    String line() {
        return String.format("[%d/%d] hosts done, %d failed, %d unreachable", done, total, failed, unreachable);
    }

    /**
     * A step of a wait that goes on ({@code waiting for k3s.service to be active on srv1 (10 s of 30 s)}): on a
     * live terminal it takes the live line's place until the next host finishes or the line is cleared;
     * elsewhere it is a line of its own.
     */
    public synchronized void waiting(String text) {
        if (live) {
            show(text);
            err.flush();
        } else {
            note(text);
        }
    }

    /** A line of its own on stderr, the live line cleared first and shown again after. */
    public synchronized void note(String text) {
        clear();
        err.println(text);
        if (enabled && done > 0) {
            show(line());
        }
        err.flush();
    }

    public synchronized void clear() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            shown = "";
            err.flush();
        }
    }

    /** The live line rewritten to {@code text}, what was longer erased first. */
    private void show(String text) {
        if (shown.length() > text.length()) {
            err.print("\r" + " ".repeat(shown.length()));
        }
        err.print("\r" + text);
        shown = text;
        err.flush();
    }
}
