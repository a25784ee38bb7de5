package dev.nodefix.shell;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes a command's output on to the terminal and reads it on the way: the {@code RUN <id>} line a changing
 * command prints when it starts applying, and the whole text (to keep facts). Once {@link #detach()}ed (the
 * command was abandoned after Ctrl-C) it passes nothing on.
 */
final class OutputTap extends Writer {
    private static final Pattern RUN = Pattern.compile("RUN ([0-9]{8}T[0-9]{6}Z-[0-9a-f]{4})");

    private final PrintWriter target;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final List<String> runs = new ArrayList<>();
    private volatile boolean detached;

    OutputTap(PrintWriter target) {
        this.target = target;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        text.append(buf, off, len);
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                scan(line.toString());
                line.setLength(0);
            } else {
                line.append(buf[i]);
            }
        }
        if (!detached) {
            target.write(buf, off, len);
        }
    }

    private void scan(String complete) {
        Matcher m = RUN.matcher(complete.strip());
        if (m.matches()) {
            runs.add(m.group(1));
        }
    }

    @Override
    public void flush() {
        if (!detached) {
            target.flush();
        }
    }

    @Override
    public void close() {
        flush();
    }

    void detach() {
        detached = true;
    }

    /** The run ids seen so far, in order. */
    synchronized List<String> runs() {
        return List.copyOf(runs);
    }

    synchronized String text() {
        return text.toString();
    }
}
