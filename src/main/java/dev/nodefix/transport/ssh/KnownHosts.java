package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One known_hosts file shared by every connection of a factory: read once, consulted under a lock, and
 * appended to (accept-new) one line at a time, so parallel connects to new hosts never interleave or
 * record a host twice. An existing line is never rewritten.
 */
final class KnownHosts {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHosts.class);

    private final Path file;
    private KnownHostsFile snapshot;

    KnownHosts(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The file as last read (read on first use). */
    synchronized KnownHostsFile snapshot() {
        if (snapshot == null) {
            snapshot = KnownHostsFile.read(file);
        }
        return snapshot;
    }

    /**
     * accept-new: re-reads this file (another process may have written the host meanwhile), asks
     * {@code rejudge} again with the fresh copy, and records {@code presented} as {@code name} only if the
     * key is still unknown. Under this file's lock, so parallel connects record a host once.
     */
    synchronized HostKeyVerdict learn(String name, HostKey presented, Function<KnownHostsFile, HostKeyVerdict> rejudge) {
        snapshot = KnownHostsFile.read(file);
        HostKeyVerdict verdict = rejudge.apply(snapshot);
        if (!(verdict instanceof HostKeyVerdict.Unknown)) {
            return verdict;
        }
        KnownHostsEntry added = append(name, presented);
        snapshot = snapshot.plus(added);
        LOG.debug("recorded {} for {} at {}", presented.describe(), name, added.location());
        return new HostKeyVerdict.Learned(added);
    }

    /** Appends {@code name type key} like OpenSSH; creates the file (0600) and its directory (0700) if missing. */
    private KnownHostsEntry append(String name, HostKey key) {
        try {
            createIfMissing();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock(); // against other nodefix processes; released when the channel closes
                long size = channel.size();
                String line = name + " " + key.type() + " " + key.base64() + "\n";
                String text = size > 0 && !endsWithNewline(channel, size) ? "\n" + line : line;
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), size);
                lock.release();
            }
            int number = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            return new KnownHostsEntry(file, number, KnownHostsEntry.Marker.NONE, name, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record host key in " + file, e);
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private void createIfMissing() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                LOG.debug("{} created by someone else meanwhile", file);
            }
        }
    }
}
