package dev.nodefix.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program run in a real pseudo-terminal by script(1), typed at through a pipe: what it prints is collected (escape
 * sequences and carriage returns removed) and awaited in order, the way an operator reads the screen.
 */
final class PseudoTerminal implements AutoCloseable {
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?<=>]*[ -/]*[@-~]|\u001B[()][0-9A-Za-z]"
            + "|\u001B[=>78]|\u001B\\][^\u0007]*\u0007|\r|\u0007");

    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder(); // printed text, escapes removed: it only grows
    private final StringBuilder pending = new StringBuilder(); // an escape sequence not complete yet
    private int read;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(this::pump, "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code command} (a shell line) in a 200x50 terminal, in {@code dir}, with {@code env} added. */
    static PseudoTerminal start(String command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec",
                "stty cols 200 rows 50 2>/dev/null; exec " + command, "/dev/null"))
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new PseudoTerminal(pb.start());
    }

    private void pump() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                synchronized (screen) {
                    take(new String(buf, 0, n, StandardCharsets.UTF_8));
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Adds printed text to the screen, holding back an escape sequence cut off at the end of the chunk. */
    private void take(String chunk) {
        pending.append(chunk);
        int esc = pending.lastIndexOf("\u001B");
        int upto = pending.length();
        if (esc >= 0) {
            Matcher m = ESCAPES.matcher(pending);
            m.region(esc, pending.length());
            if (!m.lookingAt() && pending.length() - esc < 32) {
                upto = esc;
            }
        }
        screen.append(ESCAPES.matcher(pending.substring(0, upto)).replaceAll(""));
        pending.delete(0, upto);
    }

    /** Types a line (Enter is a carriage return, as a keyboard sends it). */
    void type(String line) throws IOException {
        keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until {@code text} is printed after what was awaited before; returns the text printed up to its end. */
    String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended = false;
        synchronized (screen) {
            while (true) {
                int at = screen.indexOf(text, read);
                if (at >= 0) {
                    String seen = screen.substring(read, at + text.length());
                    read = at + text.length();
                    return seen;
                }
                if (!ended && !process.isAlive()) { // what it printed last may still be on its way
                    ended = true;
                    deadline = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("'" + text + "' not printed; the screen after the last match:\n"
                            + screen.substring(read));
                }
                screen.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /** Everything printed so far, without escape sequences. */
    String plain() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running; screen:\n" + plain());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        keys.close();
        if (process.isAlive()) {
            process.destroy();
        }
    }
}
