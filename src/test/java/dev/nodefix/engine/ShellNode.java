package dev.nodefix.engine;

import dev.nodefix.journal.NodeJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * A stand-in node behind the in-JVM SSH server: every command line runs for real under {@code /bin/sh -c} on
 * this machine, with {@link NodeJournal#DIR} moved to {@code dir}. A test picks, per command line, whether it
 * runs normally, the connection is killed before the command starts or after it finished (before its exit
 * status is sent), or the command hangs (never answers until the client closes its channel), and can read back
 * every line the node received.
 */
public final class ShellNode implements CommandFactory {
    public enum Fate { RUN, DROP_BEFORE, DROP_AFTER, HANG }

    private final Path dir;
    private final Function<String, Fate> fate;
    private final List<String> received = new CopyOnWriteArrayList<>();

    public ShellNode(Path dir, Function<String, Fate> fate) {
        this.dir = dir;
        this.fate = fate;
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public Command createCommand(org.apache.sshd.server.channel.ChannelSession channel, String line) {
        received.add(line);
        return new Run(line);
    }

    private final class Run extends AbstractCommandSupport {
        Run(String line) {
            super(line, null);
        }

        @Override
        public void run() {
            String line = getCommand();
            Fate f = fate.apply(line);
            try {
                if (f == Fate.DROP_BEFORE) {
                    getServerSession().close(true);
                    return;
                }
                if (f == Fate.HANG) {
                    Thread.sleep(Long.MAX_VALUE); // until the channel closes, which interrupts this
                }
                Process p = new ProcessBuilder("/bin/sh", "-c", line.replace(NodeJournal.DIR, dir.toString())).start();
                CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
                CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
                CompletableFuture.runAsync(() -> feed(getInputStream(), p.getOutputStream()));
                int rc = p.waitFor();
                if (f == Fate.DROP_AFTER) {
                    getServerSession().close(true);
                    return;
                }
                getOutputStream().write(out.join());
                getErrorStream().write(err.join());
                getOutputStream().flush();
                getErrorStream().flush();
                onExit(rc);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                onExit(99, e.toString());
            }
        }
    }

    private static byte[] drain(InputStream in) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (in) {
            in.transferTo(buffer);
        } catch (IOException e) {
            // the process is gone; what was read is what it wrote
        }
        return buffer.toByteArray();
    }

    private static void feed(InputStream from, OutputStream to) {
        try (to) {
            from.transferTo(to);
        } catch (IOException e) {
            // the process exited without reading its input
        }
    }
}
